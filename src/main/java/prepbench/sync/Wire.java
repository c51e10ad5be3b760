package prepbench.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import prepbench.audit.AuditEvent;

/**
 * The messages between a station and its central (docs/sync.md), as JSON. An event
 * travels exactly as the station's trail holds it: its seal covers every field but the
 * database id.
 */
final class Wire {

    private Wire() {
    }

    /** One event of a preparation, identified by its chain and its place in it. */
    record Event(String chain, long seq, String prevHash, String hash, String keyId, Instant at, String actor,
            String action, UUID sessionId, Integer step, String formulaCode, String payload) {

        static Event of(AuditEvent event) {
            return new Event(event.chain(), event.seq(), event.prevHash(), event.hash(), event.keyId(), event.at(),
                    event.actor(), event.action(), event.sessionId(), event.stepSequence(), event.formulaCode(),
                    event.payload());
        }

        AuditEvent audit() {
            return new AuditEvent(0, at, actor, action, sessionId, step, formulaCode, payload, chain, seq, prevHash,
                    hash, keyId);
        }

        /** The event's id in the protocol: its chain and place. */
        String id() {
            return chain + "#" + seq;
        }
    }

    /**
     * What a station sends: events of one or more preparations, each preparation's in
     * order, and the station's clock when it sent them.
     */
    record Batch(Instant sentAt, List<Event> events) {
    }

    /**
     * Central's answer for one preparation's events.
     *
     * @param acceptedThrough central has the chain's events up to this place (0: none):
     * the station marks them sent
     * @param centralAttemptNo the attempt number central gave the preparation; null when
     * it has no copy
     * @param rejected central's reason for refusing the preparation; null when taken
     * @param resendFrom central misses the event at this place: send the chain again from
     * there
     * @param problem why central stopped taking the chain's events (a seal that does not
     * match, an event that differs from central's); null when none
     */
    record ChainAnswer(String chain, UUID sessionId, long acceptedThrough, Integer centralAttemptNo, String rejected,
            Long resendFrom, String problem) {
    }

    /** Central's answer to a batch, with its clock when it took it. */
    record Answer(Instant receivedAt, List<ChainAnswer> chains) {
    }

    /**
     * Central's data a station copies: rows of each table as lists of column values, the
     * columns named once; and the formulas locked at central.
     */
    record Reference(Instant generatedAt, Map<String, Table> tables, List<Lock> locks) {
    }

    record Table(List<String> columns, List<String> kinds, List<List<Object>> rows) {
    }

    /** A formula as central has it: locked (when, why) or not. */
    record Lock(UUID formulaId, String formulaCode, Instant lockedAt, String reason) {
    }

}
