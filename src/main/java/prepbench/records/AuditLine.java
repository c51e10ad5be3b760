package prepbench.records;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import prepbench.audit.AuditEvent;
import prepbench.scales.Grams;

/**
 * An audit event as the batch record shows it: what happened in words, with its values,
 * for a person to read; the event's stored payload stays one click away, as it was
 * recorded and hashed.
 *
 * @param what the action and its values in a sentence
 */
public record AuditLine(AuditEvent event, String what) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    public static AuditLine of(AuditEvent event) {
        Map<String, Object> payload = payload(event.payload());
        return new AuditLine(event,
                payload == null
                        ? words(event.action()) + " (the recorded details are not readable: " + event.payload() + ")"
                        : describe(event.action(), payload));
    }

    static String describe(String action, Map<String, Object> p) {
        return switch (action) {
            case "SESSION_STARTED" -> "Started attempt " + p.get("attemptNo") + " of version " + p.get("versionNo")
                    + ", batch " + p.get("amount") + " " + p.get("unit") + " (" + grams(p.get("batchMassG")) + "), "
                    + p.get("steps") + " steps" + at(p);
            case "SESSION_RESUMED" -> "Resumed attempt " + p.get("attemptNo") + at(p)
                    + (p.get("movedFrom") != null ? ", moved from " + p.get("movedFrom") : "");
            case "CONTAINER_SCANNED" -> "Container " + p.get("code") + " accepted" + optional(", lot ", p.get("lot"))
                    + optional(", expires ", p.get("expiry")) + optional(", barcode ]", p.get("symbology"));
            case "LOT_ENTERED" -> "Lot " + p.get("lot") + ", expiry " + p.get("expiry") + " typed from the label";
            case "BALANCE_ZEROED" -> "Balance zeroed" + at(p) + ", " + grams(p.get("gramsRemoved")) + " taken away";
            case "BALANCE_TARED" -> "Vessel tared" + at(p) + ": tare " + grams(p.get("gramsRemoved"));
            case "WEIGHT_CAPTURED" -> grams(p.get("grams")) + " captured from the balance (" + p.get("scale")
                    + "), target " + grams(p.get("targetG")) + ", range " + grams(p.get("lowerLimitG")) + " – "
                    + grams(p.get("upperLimitG")) + ": " + outcome(p);
            case "WEIGHT_ENTERED_MANUALLY" ->
                grams(p.get("grams")) + " entered by hand, reason: " + p.get("manualReason")
                        + (p.get("signature") instanceof Map<?, ?> signature ? "; " + signed(signature)
                                : optional("; signed by ", p.get("signedBy"))
                                        + optional(", meaning: ", p.get("signatureMeaning")))
                        + "; target " + grams(p.get("targetG")) + ": " + outcome(p);
            case "SESSION_COMPLETED" -> "Completed: every step weighed inside its tolerance";
            case "SESSION_ABORTED" -> "Aborted: " + p.get("reason");
            case "SESSION_LOCKED" -> "Failed and locked: " + p.get("reason");
            case "FORMULA_LOCKED" -> "Formula locked: " + p.get("reason");
            case "FORMULA_LOCK_RELEASED" ->
                "Lock released, reason: " + p.get("reason") + optional(" (locked for: ", p.get("lockReason"))
                        + (p.get("lockReason") != null ? ")" : "") + (p.get("signature") instanceof Map<?, ?> signature
                                ? "; " + signed(signature) : optional("; signed, meaning: ", p.get("meaning")));
            case "VERSION_RELEASED" -> "Version " + p.get("versionNo") + " released for preparation"
                    + (p.get("signature") instanceof Map<?, ?> signature ? "; " + signed(signature)
                            : optional("; signed by ", p.get("signedBy")) + optional(", meaning: ", p.get("meaning")));
            case "REFUSED_LOCK_RELEASE" -> "Lock release refused: " + p.get("why");
            case "TESTS_SCHEDULED" -> "Tests scheduled on sample " + p.get("sample") + ": "
                    + (p.get("tests") instanceof java.util.List<?> tests ? tests.stream()
                        .map(test -> test instanceof Map<?, ?> one ? one.get("test") + " due " + one.get("dueAt") : "")
                        .collect(java.util.stream.Collectors.joining(", ")) : "");
            case "TEST_RESULT_RECORDED" -> "Test " + p.get("test") + " on sample " + p.get("sample") + ": "
                    + p.get("result") + optional(", value ", p.get("value")) + optional(", note: ", p.get("note"));
            case "TEST_DEFINED" -> "Test " + p.get("test") + " defined, due " + p.get("delayHours")
                    + " h after each completed preparation";
            case "TEST_REMOVED" -> "Test " + p.get("test") + " removed";
            case "TOKEN_CREATED" -> "API token created with the role " + p.get("role");
            case "TOKEN_REVOKED" -> "API token revoked";
            case "TOKEN_USED" -> p.get("method") + " " + p.get("path") + " answered " + p.get("status");
            case "CHAIN_SEALED" -> "Sealed at migration under the audit key: the " + p.get("sealedEvents")
                    + " events before this one were recorded before the trail was keyed";
            case "AUDIT_VERIFIED" -> "Audit trail verified: " + p.get("chains") + " chains, " + p.get("events")
                    + " events, " + (Boolean.TRUE.equals(p.get("intact")) ? "intact" : p.get("problems") + " problems");
            case "AUDIT_CHECKPOINT_WRITTEN" -> "Checkpoint written to " + p.get("file") + ": " + p.get("chains")
                    + " chains that grew, up to event " + p.get("upTo");
            case "AUDIT_ALERT_ACKNOWLEDGED" ->
                "Verification alert " + p.get("alert") + " acknowledged: " + p.get("note");
            default -> action.startsWith("REFUSED_")
                    ? words(action.substring("REFUSED_".length())) + " refused (" + p.get("code") + "): "
                            + p.get("message") + optional(" Input: ", p.get("input"))
                    : words(action) + (p.isEmpty() ? "" : ": " + p);
        };
    }

    /** The payload's values; null when it is not a JSON object. */
    private static Map<String, Object> payload(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        }
        catch (JacksonException unreadable) {
            return null;
        }
    }

    /**
     * A signature as Part 11 wants it shown: printed name, username, date and time with
     * zone, meaning, hash.
     */
    private static String signed(Map<?, ?> signature) {
        Object hash = signature.get("signedHash");
        return "signed by " + signature.get("signerName") + " (" + signature.get("signer") + ") at "
                + signature.get("signedAt") + " " + signature.get("zone") + ", meaning: " + signature.get("meaning")
                + (hash == null ? "" : ", signed content SHA-256 "
                        + String.valueOf(hash).substring(0, Math.min(16, String.valueOf(hash).length())) + "…");
    }

    private static String outcome(Map<String, Object> p) {
        return "ok".equals(p.get("stepStatus")) ? "inside the tolerance"
                : "failed" + optional(" (", p.get("failureReason")) + (p.get("failureReason") != null ? ")" : "");
    }

    private static String at(Map<String, Object> p) {
        return p.get("bench") == null ? "" : " at " + p.get("bench");
    }

    private static String optional(String prefix, Object value) {
        return value == null || String.valueOf(value).isEmpty() ? "" : prefix + value;
    }

    private static String grams(Object value) {
        if (value == null) {
            return "—";
        }
        try {
            return Grams.shown(new BigDecimal(String.valueOf(value))) + " g";
        }
        catch (NumberFormatException notANumber) {
            return value + " g";
        }
    }

    /** {@code CONTAINER_SCANNED} → "Container scanned". */
    static String words(String action) {
        String lower = action.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
