package prepbench.ui;

/**
 * One label on a printable sheet.
 *
 * @param image the label's SVG: what to scan and its caption
 * @param name what a person reads beside it
 */
public record Label(String image, String caption, String name) {
}
