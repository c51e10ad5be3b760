package prepbench.records;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import prepbench.audit.AuditEvent;
import prepbench.audit.AuditProblem;
import prepbench.entry.Text;
import prepbench.entry.Words;
import prepbench.scales.Grams;

/**
 * An audit event as the batch record shows it: what happened in words, in the reader's
 * language, with its values, for a person to read; the event's stored payload stays one
 * click away, as it was recorded and hashed. The values the event recorded (names, lots,
 * reasons, the messages of refusals as they were worded then) are evidence: they are
 * shown as they are, marked as data, never translated.
 *
 * @param phrase the action and its values in a sentence
 */
public record AuditLine(AuditEvent event, Phrase phrase) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** The event in a sentence, in the words' language. */
    public static AuditLine of(AuditEvent event, Words words) {
        Map<String, Object> payload = payload(event.payload());
        return new AuditLine(event,
                payload == null
                        ? Phrase.of(words,
                                Text.of("audit.line.unreadable", name(event.action(), words), data(event.payload())))
                        : describe(event.action(), payload, words));
    }

    /** What happened, as plain text (a CSV cell, a test). */
    public String what() {
        return phrase.text();
    }

    /** The sentence's words and values, for a page. */
    public List<Phrase.Part> parts() {
        return phrase.parts();
    }

    /**
     * A problem verification found, in a sentence: its kind in words, then the chain,
     * sequence, field and detail as verification gave them.
     */
    public static Phrase problem(AuditProblem problem, Words words) {
        return Phrase.of(words,
                Text.of("audit.problem", Text.of("audit.problem." + problem.kind().word()), data(problem.chain()),
                        problem.sequence() == null ? Phrase.EMPTY
                                : Text.of("audit.problem.sequence", problem.sequence()),
                        problem.field() == null ? Phrase.EMPTY : Text.of("audit.problem.field", data(problem.field())),
                        data(problem.detail())));
    }

    static Phrase describe(String action, Map<String, Object> p, Words words) {
        Text said = switch (action) {
            case "SESSION_STARTED" -> Text.of("audit.line.session-started", v(p, "attemptNo"), v(p, "versionNo"),
                    v(p, "amount"), v(p, "unit"), grams(p.get("batchMassG")), v(p, "steps"), at(p));
            case "SESSION_RESUMED" -> Text.of("audit.line.session-resumed", v(p, "attemptNo"), at(p),
                    p.get("movedFrom") != null ? Text.of("audit.line.moved-from", v(p, "movedFrom")) : Phrase.EMPTY);
            case "CONTAINER_SCANNED" ->
                Text.of("audit.line.container-scanned", v(p, "code"), optional("audit.line.lot", p.get("lot")),
                        optional("audit.line.expires", p.get("expiry")), present(p.get("symbology"))
                                ? Text.of("audit.line.barcode", data("]" + p.get("symbology"))) : Phrase.EMPTY);
            case "LOT_ENTERED" -> Text.of("audit.line.lot-entered", v(p, "lot"), v(p, "expiry"));
            case "BALANCE_ZEROED" -> Text.of("audit.line.balance-zeroed", at(p), grams(p.get("gramsRemoved")));
            case "BALANCE_TARED" -> Text.of("audit.line.balance-tared", at(p), grams(p.get("gramsRemoved")));
            case "WEIGHT_CAPTURED" -> Text.of("audit.line.weight-captured", grams(p.get("grams")), v(p, "scale"),
                    grams(p.get("targetG")), grams(p.get("lowerLimitG")), grams(p.get("upperLimitG")), outcome(p));
            case "WEIGHT_ENTERED_MANUALLY" -> Text.of("audit.line.weight-entered", grams(p.get("grams")),
                    v(p, "manualReason"),
                    p.get("signature") instanceof Map<?, ?> signature
                            ? Text.of("audit.line.signature-part", signed(signature))
                            : Text.of("audit.line.signed-parts", optional("audit.line.signed-by", p.get("signedBy")),
                                    optional("audit.line.meaning", p.get("signatureMeaning"))),
                    grams(p.get("targetG")), outcome(p));
            case "SESSION_COMPLETED" -> Text.of("audit.line.session-completed");
            case "SESSION_ABORTED" -> Text.of("audit.line.session-aborted", v(p, "reason"));
            case "SESSION_LOCKED" -> Text.of("audit.line.session-locked", v(p, "reason"));
            case "FORMULA_LOCKED" -> Text.of("audit.line.formula-locked", v(p, "reason"));
            case "SESSION_REJECTED" -> Text.of("audit.line.session-rejected", v(p, "reason"));
            case "PREPARATION_REFUSED" -> Text.of("audit.line.preparation-refused", v(p, "station"), v(p, "reason"));
            case "FORMULA_LOCK_RELEASED_AT_CENTRAL" -> Text.of("audit.line.lock-released-at-central");
            case "STATION_REGISTERED" -> Text.of("audit.line.station-registered", v(p, "station"), v(p, "keyId"));
            case "STATION_REVOKED" -> Text.of("audit.line.station-revoked", v(p, "station"));
            case "STATION_ACCOUNTS_CHANGED" -> Text.of("audit.line.station-accounts", v(p, "station"),
                    optional("audit.line.accounts-allowed", names(p.get("allowed"))),
                    optional("audit.line.accounts-removed", names(p.get("removed"))));
            case "FORMULA_LOCK_RELEASED" -> Text.of("audit.line.lock-released", v(p, "reason"),
                    optional("audit.line.locked-for", p.get("lockReason")),
                    p.get("signature") instanceof Map<?, ?> signature
                            ? Text.of("audit.line.signature-part", signed(signature))
                            : optional("audit.line.signed-meaning", p.get("meaning")));
            case "VERSION_RELEASED" -> Text.of("audit.line.version-released", v(p, "versionNo"),
                    p.get("signature") instanceof Map<?, ?> signature
                            ? Text.of("audit.line.signature-part", signed(signature))
                            : Text.of("audit.line.signed-parts", optional("audit.line.signed-by", p.get("signedBy")),
                                    optional("audit.line.meaning", p.get("meaning"))));
            case "REFUSED_LOCK_RELEASE" -> Text.of("audit.line.lock-release-refused", v(p, "why"));
            case "TESTS_SCHEDULED" -> Text.of("audit.line.tests-scheduled", v(p, "sample"),
                    p.get("tests") instanceof List<?> tests ? list(tests, words) : Phrase.EMPTY);
            case "TEST_RESULT_RECORDED" ->
                Text.of("audit.line.test-result", v(p, "test"), v(p, "sample"), v(p, "result"),
                        optional("audit.line.value", p.get("value")), optional("audit.line.note", p.get("note")));
            case "TEST_DEFINED" -> Text.of("audit.line.test-defined", v(p, "test"), v(p, "delayHours"));
            case "TEST_REMOVED" -> Text.of("audit.line.test-removed", v(p, "test"));
            case "TOKEN_CREATED" -> Text.of("audit.line.token-created", v(p, "role"));
            case "TOKEN_REVOKED" -> Text.of("audit.line.token-revoked");
            case "TOKEN_USED" -> Text.of("audit.line.token-used", v(p, "method"), v(p, "path"), v(p, "status"));
            case "CHAIN_SEALED" -> Text.of("audit.line.chain-sealed", v(p, "sealedEvents"));
            case "AUDIT_VERIFIED" -> Text.of("audit.line.audit-verified", v(p, "chains"), v(p, "events"),
                    Boolean.TRUE.equals(p.get("intact")) ? Text.of("audit.line.intact")
                            : Text.of("audit.line.problems", v(p, "problems")));
            case "AUDIT_CHECKPOINT_WRITTEN" ->
                Text.of("audit.line.checkpoint-written", v(p, "file"), v(p, "chains"), v(p, "upTo"));
            case "AUDIT_ALERT_ACKNOWLEDGED" -> Text.of("audit.line.alert-acknowledged", v(p, "alert"), v(p, "note"));
            default -> action.startsWith("REFUSED_")
                    ? Text.of("audit.line.refused", operation(action.substring("REFUSED_".length()), words),
                            v(p, "code"), v(p, "message"), optional("audit.line.input", p.get("input")))
                    : p.isEmpty() ? Text.of("audit.line.name", name(action, words))
                            : Text.of("audit.line.other", name(action, words), data(p));
        };
        return Phrase.of(words, said);
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
     * zone (as signed), meaning, hash.
     */
    private static Text signed(Map<?, ?> signature) {
        Object hash = signature.get("signedHash");
        return Text.of("audit.line.signature", data(signature.get("signerName")), data(signature.get("signer")),
                data(signature.get("signedAt")), data(signature.get("zone")), data(signature.get("meaning")),
                hash == null ? Phrase.EMPTY : Text.of("audit.line.signed-hash",
                        data(String.valueOf(hash).substring(0, Math.min(16, String.valueOf(hash).length())))));
    }

    private static Text outcome(Map<String, Object> p) {
        return "ok".equals(p.get("stepStatus")) ? Text.of("audit.line.inside-tolerance")
                : Text.of("audit.line.failed", optional("audit.line.failure-reason", p.get("failureReason")));
    }

    private static Object at(Map<String, Object> p) {
        return p.get("bench") == null ? Phrase.EMPTY : Text.of("audit.line.at", v(p, "bench"));
    }

    /** The tests scheduled, each with when it is due, one after the other. */
    private static Phrase list(List<?> tests, Words words) {
        Phrase said = null;
        for (Object test : tests) {
            Phrase one = test instanceof Map<?, ?> scheduled
                    ? Phrase.of(words,
                            Text.of("audit.line.test-due", data(scheduled.get("test")), data(scheduled.get("dueAt"))))
                    : Phrase.EMPTY;
            said = said == null ? one : Phrase.of(words, Text.of("audit.line.list", said, one));
        }
        return said == null ? Phrase.EMPTY : said;
    }

    /** The words around a value, or nothing when the value is missing or empty. */
    private static Object optional(String key, Object value) {
        return present(value) ? Text.of(key, data(value)) : Phrase.EMPTY;
    }

    private static boolean present(Object value) {
        return value != null && !String.valueOf(value).isEmpty();
    }

    /** A recorded list of names, one after the other. */
    private static String names(Object value) {
        return value instanceof List<?> names
                ? names.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                : value == null ? null : String.valueOf(value);
    }

    /** A recorded value, as it was recorded. */
    private static Phrase v(Map<String, Object> p, String key) {
        return data(p.get(key));
    }

    private static Phrase data(Object value) {
        return Phrase.data(value);
    }

    private static Phrase grams(Object value) {
        if (value == null) {
            return data("—");
        }
        try {
            return data(Grams.shown(new BigDecimal(String.valueOf(value))) + " g");
        }
        catch (NumberFormatException notANumber) {
            return data(value + " g");
        }
    }

    /**
     * An action's name: its words when PrepBench has them; else made from its code in
     * English ({@code CONTAINER_SCANNED} → "Container scanned"), the code itself in
     * another language.
     */
    static Object name(String action, Words words) {
        return named("audit.action.", action, words);
    }

    /** What was refused: {@code MANUAL_ENTRY} → "Manual entry". */
    private static Object operation(String code, Words words) {
        return named("audit.operation.", code, words);
    }

    private static Object named(String prefix, String code, Words words) {
        String key = prefix + code.toLowerCase(Locale.ROOT);
        if (words.has(key)) {
            return Text.of(key);
        }
        return "en".equals(words.lang()) ? Text.of("audit.line.name", words(code)) : data(code);
    }

    /** {@code CONTAINER_SCANNED} → "Container scanned". */
    static String words(String action) {
        String lower = action.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
