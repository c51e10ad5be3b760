package prepbench.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import gg.jte.Content;
import gg.jte.TemplateOutput;

import prepbench.entry.Text;
import prepbench.entry.Words;
import prepbench.scales.Grams;

/**
 * How pages write masses: grams to the balance's three decimals; and words with data in
 * them ({@link #marked}).
 */
public final class Format {

    /** A number as a value shows it: written as it is, never isolated as data. */
    private static final Pattern NUMBER = Pattern.compile("[-+−±]?[0-9][0-9.,]*");

    private Format() {
    }

    /**
     * Words with data in them, for a page: the words escaped, and each value that is data
     * (a name, a code, a lot, a username: any text that is not a number) in a
     * {@code <bdi>}, so that it reads in its own direction inside the other one. A value
     * that is a {@link Text} is worded the same way, a time or a day in the reader's
     * language, a {@link Content} (a link, a {@code <strong>}) written as the template
     * made it.
     */
    public static Content marked(Words words, Text text) {
        return output -> write(output, words, text);
    }

    public static Content marked(PageContext ctx, Text text) {
        return marked(ctx.words(), text);
    }

    private static void write(TemplateOutput output, Words words, Text text) {
        for (Words.Part part : words.parts(text)) {
            if (part.isValue()) {
                value(output, words, part.value());
            }
            else {
                output.writeUserContent(part.words());
            }
        }
    }

    private static void value(TemplateOutput output, Words words, Object value) {
        if (value instanceof Content content) {
            content.writeTo(output);
        }
        else if (value instanceof Text text) {
            write(output, words, text);
        }
        else if (value instanceof Instant instant) {
            output.writeUserContent(words.time(instant));
        }
        else if (value instanceof LocalDate day) {
            output.writeUserContent(words.date(day));
        }
        else if (value instanceof Number || NUMBER.matcher(String.valueOf(value)).matches()) {
            output.writeUserContent(String.valueOf(value));
        }
        else {
            output.writeContent("<bdi>");
            output.writeUserContent(String.valueOf(value));
            output.writeContent("</bdi>");
        }
    }

    /** The ISO-8601 form, for {@code <time datetime>}. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public static String grams(BigDecimal grams) {
        return Grams.shown(grams);
    }

    /** A fraction as a percentage, e.g. 0.0525 → "5.25 %". */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    public static String amount(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** A line's own tolerance, e.g. "±0.5 g" or "−2 % / +1 %". */
    public static String tolerance(prepbench.formulas.ToleranceOverride tolerance) {
        String minus = tolerance.minusSide();
        String plus = tolerance.plusSide();
        return minus.equals(plus) ? "±" + minus : "−" + minus + " / +" + plus;
    }

}
