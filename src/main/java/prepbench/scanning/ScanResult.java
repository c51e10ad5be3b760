package prepbench.scanning;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import prepbench.entry.Text;
import prepbench.formulas.FormulaCode;

/** What a scan points at, as decoded by {@link ScanDecoder#decode(String)}. */
public sealed interface ScanResult {

    /**
     * The kind of thing scanned: {@code formula}, {@code preparation}, {@code sample} or
     * {@code unrecognised}.
     */
    String type();

    /** The page the scan opens, when there is one. */
    Optional<String> page();

    /**
     * A formula, with any extra key-value pairs of the scan (such as {@code S} or
     * {@code N}). Attribute keys are upper case; the map is unmodifiable and may be
     * empty.
     */
    record FormulaScan(FormulaCode code, Map<String, String> attributes) implements ScanResult {
        public FormulaScan {
            Objects.requireNonNull(code, "code");
            attributes = Map.copyOf(attributes);
        }

        @Override
        public String type() {
            return "formula";
        }

        /** Starts or resumes the formula's preparation. */
        @Override
        public Optional<String> page() {
            return Optional.of("/formula-first?code=" + code.value() + "&auto=start");
        }
    }

    /**
     * A preparation, with the formula to open instead when the preparation is not known
     * here.
     */
    record PreparationScan(UUID id, Optional<FormulaCode> fallbackFormula) implements ScanResult {
        public PreparationScan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(fallbackFormula, "fallbackFormula");
        }

        @Override
        public String type() {
            return "preparation";
        }

        @Override
        public Optional<String> page() {
            return Optional.of("/preparations/" + id + fallbackFormula.map(code -> "?f=" + code.value()).orElse(""));
        }
    }

    /** A sample: 1 to 64 letters, digits, '-', '_', '.' or '/'. */
    record SampleScan(String sampleCode) implements ScanResult {
        public SampleScan {
            Objects.requireNonNull(sampleCode, "sampleCode");
        }

        @Override
        public String type() {
            return "sample";
        }

        /**
         * The sample's page, which leads to the record of the preparation that made it.
         */
        @Override
        public Optional<String> page() {
            return Optional.of("/samples?code=" + URLEncoder.encode(sampleCode, StandardCharsets.UTF_8));
        }
    }

    /**
     * A scan that points at nothing.
     *
     * @param input the normalised input, cut to at most 80 characters (followed by "…"
     * when cut), with unreadable characters replaced by U+FFFD; escape it before showing
     * it
     * @param text a sentence for the lab technician that says what to do, to word in the
     * reader's language
     */
    record Unrecognised(String input, Text text) implements ScanResult {
        public Unrecognised {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(text, "text");
        }

        /**
         * The sentence in English ({@link #text()} words it in the reader's language).
         */
        public String reason() {
            return text.english();
        }

        @Override
        public String type() {
            return "unrecognised";
        }

        @Override
        public Optional<String> page() {
            return Optional.empty();
        }
    }

}
