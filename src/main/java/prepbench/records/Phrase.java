package prepbench.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import gg.jte.Content;
import gg.jte.TemplateOutput;

import prepbench.entry.Text;
import prepbench.entry.Words;

/**
 * A sentence in the reader's language whose values stay marked as data: the words come
 * from the message bundles, the values (names, codes, lots, reasons, what an audit event
 * recorded) are shown as they are. A page renders it with each value in a {@code <bdi>},
 * so that a Latin name reads right inside an Arabic sentence and the other way round; a
 * CSV cell or a test reads {@link #text()}.
 *
 * @param parts the words and the values, in order
 */
public record Phrase(List<Part> parts) implements Content {

    /** Nothing, for an optional part of a sentence that does not apply. */
    public static final Phrase EMPTY = new Phrase(List.of());

    /**
     * @param text as shown
     * @param data whether it is a value (not translated) rather than words
     */
    public record Part(String text, boolean data) {
    }

    public Phrase {
        parts = List.copyOf(parts);
    }

    /**
     * The words of a text in a language. Its arguments: a {@link Text} is worded in the
     * same language, a {@code Phrase} is taken as it is, a time or a day is written in
     * the language, anything else is a value.
     */
    public static Phrase of(Words words, Text text) {
        List<Part> parts = new ArrayList<>();
        for (Words.Part part : words.parts(text)) {
            Object arg = part.value();
            if (!part.isValue()) {
                add(parts, part.words(), false);
            }
            else if (arg instanceof Text nested) {
                of(words, nested).parts.forEach(nestedPart -> add(parts, nestedPart.text(), nestedPart.data()));
            }
            else if (arg instanceof Phrase phrase) {
                phrase.parts.forEach(phrasePart -> add(parts, phrasePart.text(), phrasePart.data()));
            }
            else if (arg instanceof Instant instant) {
                add(parts, words.time(instant), true);
            }
            else if (arg instanceof LocalDate day) {
                add(parts, words.date(day), true);
            }
            else {
                add(parts, String.valueOf(arg), true);
            }
        }
        return new Phrase(parts);
    }

    /**
     * Words for a CSS string ({@code content: "…"}): its quotes and backslashes escaped.
     */
    public static String css(String words) {
        return words.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A value as it is ("null" for none, as a sentence would have written it). */
    public static Phrase data(Object value) {
        return new Phrase(List.of(new Part(String.valueOf(value), true)));
    }

    private static void add(List<Part> parts, String text, boolean data) {
        if (text.isEmpty()) {
            return;
        }
        if (!parts.isEmpty() && parts.get(parts.size() - 1).data() == data) {
            Part last = parts.remove(parts.size() - 1);
            parts.add(new Part(last.text() + text, data));
        }
        else {
            parts.add(new Part(text, data));
        }
    }

    /** The sentence as plain text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** On a page: the words escaped, each value escaped in a {@code <bdi>}. */
    @Override
    public void writeTo(TemplateOutput output) {
        for (Part part : parts) {
            if (part.data()) {
                output.writeContent("<bdi>");
                output.writeUserContent(part.text());
                output.writeContent("</bdi>");
            }
            else {
                output.writeUserContent(part.text());
            }
        }
    }

    @Override
    public boolean isEmptyContent() {
        return parts.isEmpty();
    }

    @Override
    public String toString() {
        return text();
    }

}
