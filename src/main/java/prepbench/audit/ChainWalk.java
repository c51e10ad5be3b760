package prepbench.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies one chain event by event, in sequence order, without holding the chain: each
 * event is numbered one after the one before, links to its hash, and is sealed under a
 * key this installation has with a MAC that matches its content. Events from before the
 * trail was keyed must all come first and be sealed by a {@code CHAIN_SEALED} event. At
 * the end, the chain is compared with its last checkpoint.
 */
final class ChainWalk {

    /**
     * The action of the event that seals, under the key, the events recorded before the
     * trail was keyed.
     */
    static final String CHAIN_SEALED = "CHAIN_SEALED";

    /** More problems than this in one chain are counted, not listed. */
    private static final int MAX_PROBLEMS = 10;

    private final AuditKeys keys;

    private final String chain;

    private final Checkpoints.Mark checkpoint;

    private final List<AuditProblem> problems = new ArrayList<>();

    private long expectedSeq = 1;

    private String expectedPrev = EventSeal.GENESIS;

    private int events;

    private int legacy;

    private boolean keyed;

    private String hashAtCheckpoint;

    ChainWalk(AuditKeys keys, String chain, Checkpoints.Mark checkpoint) {
        this.keys = keys;
        this.chain = chain;
        this.checkpoint = checkpoint;
    }

    void accept(AuditEvent event) {
        events++;
        long seq = event.seq();
        if (seq != expectedSeq) {
            problem(seq, AuditProblem.Kind.GAP, seq == expectedSeq + 1 ? "event #" + expectedSeq + " is missing"
                    : "events #" + expectedSeq + " to #" + (seq - 1) + " are missing");
        }
        else if (!expectedPrev.equals(event.prevHash())) {
            problem(seq, AuditProblem.Kind.GAP, "event " + event.id() + " (" + event.action()
                    + ") does not follow the event before it: an event was removed or inserted");
        }
        if (event.keyId() == null) {
            if (keyed) {
                problem(seq, AuditProblem.Kind.FORGED, "event " + event.id() + " (" + event.action()
                        + ") is not sealed under a key, in a chain already keyed");
            }
            else if (!EventSeal.legacyHash(event).equals(event.hash())) {
                problem(seq, AuditProblem.Kind.ALTERED,
                        "event " + event.id() + " (" + event.action() + ") was changed after it was recorded");
            }
            legacy++;
        }
        else {
            var key = keys.key(event.keyId());
            if (key.isEmpty()) {
                problem(seq, AuditProblem.Kind.FORGED, "event " + event.id() + " (" + event.action() + ") names key "
                        + event.keyId() + ", which this installation does not have");
            }
            else if (!EventSeal.sealed(event, key.get())) {
                problem(seq, AuditProblem.Kind.ALTERED, "event " + event.id() + " (" + event.action()
                        + ") was changed after it was recorded: its seal does not match its content");
            }
            if (!keyed && legacy > 0 && !CHAIN_SEALED.equals(event.action())) {
                problem(seq, AuditProblem.Kind.FORGED, "the " + legacy + " events recorded before the trail was "
                        + "keyed are not followed by the event that seals them");
            }
            keyed = true;
        }
        if (checkpoint != null && seq == checkpoint.seq()) {
            hashAtCheckpoint = event.hash();
        }
        expectedSeq = seq + 1;
        expectedPrev = event.hash();
    }

    /** The verification of what was walked, compared with the chain's last checkpoint. */
    ChainVerification finish() {
        if (legacy > 0 && !keyed) {
            problem(null, AuditProblem.Kind.FORGED, "the chain's " + legacy + " events were recorded before the "
                    + "trail was keyed and were never sealed under the key");
        }
        if (checkpoint != null) {
            if (expectedSeq - 1 < checkpoint.seq()) {
                problem(checkpoint.seq(), AuditProblem.Kind.TRUNCATED,
                        (events == 0 ? "the chain has no events" : "the chain ends at #" + (expectedSeq - 1))
                                + ", and the checkpoint of " + checkpoint.at() + " saw it reach #" + checkpoint.seq());
            }
            else if (!checkpoint.hash().equals(hashAtCheckpoint)) {
                problem(checkpoint.seq(), AuditProblem.Kind.ALTERED,
                        "event #" + checkpoint.seq() + " is not the one the checkpoint of " + checkpoint.at() + " saw");
            }
        }
        return ChainVerification.of(chain, events, problems);
    }

    /** The record's own checks add their problems to the chain's. */
    void problem(Long seq, AuditProblem.Kind kind, String field, String detail) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new AuditProblem(chain, seq, kind, field, detail));
        }
    }

    /**
     * Compares a value the record shows with the value its events set (numbers by value,
     * 1.50 = 1.5); a difference is a problem of the record, naming the field and the
     * event that set it (event id 0: none did).
     */
    void differs(String field, Object recorded, Object said, long eventId) {
        boolean same = recorded instanceof java.math.BigDecimal a && said instanceof java.math.BigDecimal b
                ? a.compareTo(b) == 0 : java.util.Objects.equals(recorded, said);
        if (!same) {
            problem(null, AuditProblem.Kind.ALTERED, field, "the record shows " + shown(recorded)
                    + (eventId == 0 ? ", and no event set it" : ", and event " + eventId + " set " + shown(said)));
        }
    }

    private static String shown(Object value) {
        return value == null ? "nothing"
                : value instanceof java.math.BigDecimal number ? number.toPlainString() : value.toString();
    }

    private void problem(Long seq, AuditProblem.Kind kind, String detail) {
        problem(seq, kind, null, detail);
    }

    int problemCount() {
        return problems.size();
    }

}
