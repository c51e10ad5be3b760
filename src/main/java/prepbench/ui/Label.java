package prepbench.ui;

import prepbench.entry.Text;

/**
 * One label on a printable sheet.
 *
 * @param image the label's SVG: what to scan and its caption
 * @param name what a person reads beside it (names and codes, the data, in words of the
 * reader's language)
 */
public record Label(String image, String caption, Text name) {
}
