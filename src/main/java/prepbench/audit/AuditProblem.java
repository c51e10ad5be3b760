package prepbench.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Something verification found wrong with the audit trail or with a record it vouches
 * for.
 *
 * @param chain the chain concerned
 * @param sequence the sequence number concerned; null when it concerns the chain as a
 * whole
 * @param field the record's field whose value the chain does not support; null unless
 * {@code kind} is {@link Kind#ALTERED} for a record value
 * @param detail what is wrong, in a sentence
 */
public record AuditProblem(String chain, Long sequence, Kind kind, String field, String detail) {

    /** What kind of problem it is; written in lower case in the API. */
    public enum Kind {

        /**
         * The chain is shorter than a checkpoint saw it, or a record's end has no event.
         */
        TRUNCATED,
        /**
         * A sequence number is missing, or an event does not follow the one before it.
         */
        GAP,
        /**
         * An event's content or hash was changed, or a record's value differs from the
         * events that set it.
         */
        ALTERED,
        /**
         * An event sealed with a key this installation does not have, or not sealed where
         * it must be.
         */
        FORGED,
        /** A checkpoint that does not check out: edited, or unreadable. */
        CHECKPOINT;

        @JsonValue
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

    }

    /**
     * The problem as one sentence for a page: kind, chain and sequence, and the detail.
     */
    public String sentence() {
        return word(kind) + " — " + chain + (sequence == null ? "" : " #" + sequence)
                + (field == null ? "" : ", " + field) + ": " + detail;
    }

    private static String word(Kind kind) {
        return switch (kind) {
            case TRUNCATED -> "Truncated";
            case GAP -> "Gap";
            case ALTERED -> "Altered";
            case FORGED -> "Forged";
            case CHECKPOINT -> "Checkpoint";
        };
    }
}
