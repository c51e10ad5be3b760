package prepbench.scanning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the labels on an ingredient's containers are read; see
 * {@link ContainerLabels#parse(String, LabelParser)}.
 */
public enum LabelParser {

    /** The whole label is the code. */
    PLAIN,

    /**
     * A GS1 element string, bracketed or not: GTIN (01), lot (10), expiry (17), serial
     * (21) and others.
     */
    GS1,

    /**
     * {@code KEY=VALUE} parts separated by {@code ;}, such as
     * {@code ING=ETH-96;LOT=A42;EXP=2026-12-31}.
     */
    KV;

    /**
     * The parser's name in configuration and JSON: {@code plain}, {@code gs1} or
     * {@code kv}.
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The parser of that {@linkplain #code() name}, in any case; empty for any other
     * text, including null.
     */
    public static Optional<LabelParser> fromCode(String code) {
        return Arrays.stream(values()).filter(parser -> parser.code().equalsIgnoreCase(code)).findFirst();
    }

}
