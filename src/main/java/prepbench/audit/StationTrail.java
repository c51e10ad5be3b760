package prepbench.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The trail between a station and its central (issue 18): the station reads the events it
 * is to send; central takes each in, exactly as the station sealed it, once it has
 * checked that the station's key sealed it and that it follows the event before it.
 */
@Service
public class StationTrail {

    private final AuditEvents events;

    private final AuditKeys keys;

    StationTrail(AuditEvents events, AuditKeys keys) {
        this.events = events;
        this.keys = keys;
    }

    /** The chain's events from one place to another (both included), in order. */
    public List<AuditEvent> slice(String chain, long fromSeq, long toSeq) {
        return events.slice(chain, fromSeq, toSeq);
    }

    /**
     * What central made of an event a station sent.
     *
     * @param expectedSeq for {@link Kind#GAP}: the place the station is to send its chain
     * again from
     * @param why for a refusal: why, in a sentence; null otherwise
     */
    public record Receipt(Kind kind, long expectedSeq, String why) {

        /** What central made of an event. */
        public enum Kind {

            /** New: stored as the station sealed it. */
            STORED,
            /** Central had it: a resend, harmless. */
            ALREADY_STORED,
            /** The event before it has not arrived. */
            GAP,
            /**
             * Not sealed by the station's key, not following its predecessor, or another
             * station's preparation.
             */
            FORGED,
            /** Central has another event at its place. */
            CONFLICT,
            /** Not an event of a preparation. */
            NOT_A_PREPARATION

        }

        /** Whether central has the event now. */
        public boolean taken() {
            return kind == Kind.STORED || kind == Kind.ALREADY_STORED;
        }

        static final Receipt STORED = new Receipt(Kind.STORED, 0, null);

        static final Receipt ALREADY_STORED = new Receipt(Kind.ALREADY_STORED, 0, null);

        static Receipt gap(AuditEvent event, long missing) {
            return new Receipt(Kind.GAP, missing,
                    "event #" + event.seq() + " of " + event.chain() + " arrived before #" + missing);
        }

        static Receipt forged(AuditEvent event, String why) {
            return new Receipt(Kind.FORGED, 0,
                    "event #" + event.seq() + " of " + event.chain() + " (" + event.action() + ") is refused: " + why);
        }

    }

    /**
     * Takes in one event a station sent, in the caller's transaction; a refused one
     * changes nothing. A resend of an event central has is harmless
     * ({@link Receipt.Kind#ALREADY_STORED}).
     * @param stationKeyId the key of the station that sent it: the only key it may be
     * sealed with, and the key of every event of its chain
     */
    public Receipt receive(String stationKeyId, AuditEvent event) {
        if (event.sessionId() == null || !Chains.session(event.sessionId()).equals(event.chain())) {
            return new Receipt(Receipt.Kind.NOT_A_PREPARATION, 0,
                    "only a preparation's events are taken from a station, not those of " + event.chain());
        }
        if (!stationKeyId.equals(event.keyId())) {
            return Receipt.forged(event,
                    "it is sealed under key " + event.keyId() + ", not the key of the station that sent it");
        }
        var key = keys.key(stationKeyId);
        if (key.isEmpty()) {
            return Receipt.forged(event, "central cannot derive the station's key");
        }
        if (event.hash() == null || event.prevHash() == null || event.seq() < 1 || event.at() == null
                || event.actor() == null || event.action() == null || event.payload() == null
                || !EventSeal.sealed(event, key.get())) {
            return Receipt.forged(event, "its seal does not match its content");
        }
        var stored = events.at(event.chain(), event.seq());
        if (stored.isPresent()) {
            return same(stored.get().hash(), event.hash()) ? Receipt.ALREADY_STORED
                    : new Receipt(Receipt.Kind.CONFLICT, 0, "event #" + event.seq() + " of " + event.chain()
                            + " differs from the event central already has at that place");
        }
        String before = EventSeal.GENESIS;
        if (event.seq() > 1) {
            var previous = events.at(event.chain(), event.seq() - 1);
            if (previous.isEmpty()) {
                // send again from the first event central lacks, not just the one before
                return Receipt.gap(event, events.lastSeq(event.chain()) + 1);
            }
            if (!stationKeyId.equals(previous.get().keyId())) {
                return Receipt.forged(event, "the preparation's earlier events were not sealed by this station: "
                        + "only the station that made a preparation sends its events");
            }
            before = previous.get().hash();
        }
        if (!same(before, event.prevHash())) {
            return Receipt.forged(event, "it does not follow the event central has before it");
        }
        events.insert(event);
        return Receipt.STORED;
    }

    /**
     * Records that central registered a station, and the key it issued it, in the
     * station's chain (in the caller's transaction, which created the station's row).
     */
    public void recordRegistered(String station, String keyId, String by, java.time.Instant at) {
        events.append(new AuditEvents.NewEvent(at, by, "STATION_REGISTERED", null, null, null,
                "{\"station\":\"" + station + "\",\"keyId\":\"" + keyId + "\"}", Chains.station(station)));
    }

    /** Records that central revoked a station, in the station's chain. */
    public void recordRevoked(String station, String by, java.time.Instant at) {
        events.append(new AuditEvents.NewEvent(at, by, "STATION_REVOKED", null, null, null,
                "{\"station\":\"" + station + "\"}", Chains.station(station)));
    }

    /**
     * Records that central changed the accounts allowed at a station, in the station's
     * chain.
     */
    public void recordAccounts(String station, List<String> allowed, List<String> removed, String by,
            java.time.Instant at) {
        events
            .append(new AuditEvents.NewEvent(
                    at, by, "STATION_ACCOUNTS_CHANGED", null, null, null, "{\"station\":\"" + station
                            + "\",\"allowed\":" + names(allowed) + ",\"removed\":" + names(removed) + "}",
                    Chains.station(station)));
    }

    /** Account names as a JSON array (names are letters, digits, '.', '_', '-'). */
    private static String names(List<String> usernames) {
        return usernames.stream()
            .map(username -> "\"" + username + "\"")
            .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static boolean same(String one, String other) {
        return MessageDigest.isEqual(one.getBytes(StandardCharsets.US_ASCII),
                other.getBytes(StandardCharsets.US_ASCII));
    }

}
