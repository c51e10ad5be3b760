package prepbench.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.audit.StationTrail;
import prepbench.preparation.ReceivedPreparations;
import prepbench.preparation.ReceivedPreparations.Outcome;
import prepbench.security.AccountManagement;

/**
 * Central takes in what a station sends (docs/sync.md): each preparation's events in
 * order, each in a transaction of its own with everything it changes (the event as the
 * station sealed it, when it arrived, central's copy of the preparation), so that an
 * answer lost on the way back costs nothing but a resend, which central recognises.
 * Central refuses a preparation started on a version it had retired or a formula it had
 * locked, or with an event recorded under an account disabled before or not allowed at
 * the station then.
 */
@Service
class CentralIntake {

    private static final Logger log = LoggerFactory.getLogger(CentralIntake.class);

    private final StationTrail trail;

    private final ReceivedPreparations preparations;

    private final AccountManagement accounts;

    private final Stations stations;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final Clock clock;

    CentralIntake(StationTrail trail, ReceivedPreparations preparations, AccountManagement accounts, Stations stations,
            JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.trail = trail;
        this.preparations = preparations;
        this.accounts = accounts;
        this.stations = stations;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    Wire.Answer take(Stations.Station station, Wire.Batch batch) {
        Instant received = clock.instant();
        long offsetMs = batch.sentAt() == null ? 0 : Duration.between(received, batch.sentAt()).toMillis();
        stations.seen(station.name(), offsetMs);
        Map<String, List<Wire.Event>> byChain = new LinkedHashMap<>();
        for (Wire.Event event : batch.events() == null ? List.<Wire.Event>of() : batch.events()) {
            if (event == null || event.chain() == null) {
                continue;
            }
            byChain.computeIfAbsent(event.chain(), chain -> new ArrayList<>()).add(event);
        }
        List<Wire.ChainAnswer> answers = new ArrayList<>(byChain.size());
        byChain.forEach((chain, events) -> {
            events.sort(Comparator.comparingLong(Wire.Event::seq));
            answers.add(chain(station, chain, events, offsetMs, received));
        });
        return new Wire.Answer(received, answers);
    }

    private Wire.ChainAnswer chain(Stations.Station station, String chain, List<Wire.Event> events, long offsetMs,
            Instant received) {
        long through = 0;
        Outcome outcome = null;
        Long resendFrom = null;
        String problem = null;
        for (Wire.Event event : events) {
            Taken taken;
            try {
                if (event.sessionId() != null && event.action() != null && event.formulaCode() != null) {
                    preparations.prepareFor(received(event));
                }
                taken = transaction.execute(tx -> one(station, event, offsetMs, received));
            }
            catch (DataAccessException notNow) {
                problem = "central could not store event " + event.id() + " now; it is to be sent again";
                log.warn("Station {}: {}", station.name(), problem, notNow);
                break;
            }
            catch (RuntimeException unforeseen) {
                // nothing of the event was kept (its transaction rolled back); the
                // station keeps it and shows why
                problem = "central could not take event " + event.id() + " (" + event.action() + "): "
                        + unforeseen.getMessage();
                log.error("Station {}: {}", station.name(), problem, unforeseen);
                break;
            }
            if (!taken.receipt().taken()) {
                if (taken.receipt().kind() == StationTrail.Receipt.Kind.GAP) {
                    resendFrom = taken.receipt().expectedSeq();
                }
                else {
                    problem = taken.receipt().why();
                    log.warn("Station {}: {}", station.name(), problem);
                }
                break;
            }
            outcome = taken.outcome();
            through = event.seq();
        }
        var sessionId = events.get(0).sessionId();
        if (outcome == null && sessionId != null) {
            // nothing taken this time: what central made of it before, if it has a copy
            outcome = transaction.execute(tx -> preparations.current(sessionId)).orElse(null);
        }
        // a refusal is final: answered whatever the chain's last event made
        boolean rejectedBefore = outcome instanceof Outcome.Rejected;
        return new Wire.ChainAnswer(chain, sessionId, through,
                outcome instanceof Outcome.Taken taken ? Integer.valueOf(taken.centralAttemptNo()) : null,
                rejectedBefore ? ((Outcome.Rejected) outcome).reason() : null, resendFrom, problem);
    }

    /**
     * What central made of one event: the trail's receipt, and the preparation's outcome
     * once taken.
     */
    private record Taken(StationTrail.Receipt receipt, Outcome outcome) {
    }

    private Taken one(Stations.Station station, Wire.Event event, long offsetMs, Instant received) {
        StationTrail.Receipt receipt = trail.receive(station.keyId(), event.audit());
        if (receipt.kind() != StationTrail.Receipt.Kind.STORED) {
            return new Taken(receipt, receipt.taken() ? preparations.current(event.sessionId()).orElse(null) : null);
        }
        jdbc.sql("""
                INSERT INTO sync_receipt (chain, seq, station, received_at, clock_offset_ms)
                VALUES (:chain, :seq, :station, :at, :offset)
                """)
            .param("chain", event.chain())
            .param("seq", event.seq())
            .param("station", station.name())
            .param("at", received.atOffset(ZoneOffset.UTC))
            .param("offset", offsetMs)
            .update();
        return new Taken(receipt,
                preparations.take(station.name(), received(event), offsetMs, accountRefusal(station, event, offsetMs)));
    }

    /**
     * Why central refuses the event's preparation for the account it was recorded under
     * (the station's time as central's clock had it): disabled at central before, or not
     * allowed at the station then; null when neither. The station's record of central's
     * own refusal (under {@code central}, no account) comes only after central refused,
     * and a refusal is final.
     */
    private String accountRefusal(Stations.Station station, Wire.Event event, long offsetMs) {
        Instant at = event.at().minusMillis(offsetMs);
        return accounts.disabledSince(event.actor())
            .filter(disabled -> !disabled.isAfter(at))
            .map(disabled -> "The account " + event.actor() + " was disabled at central at " + disabled
                    + ", before it recorded " + event.action() + " at " + at + " at station " + station.name() + ".")
            .or(() -> stations.allowedAt(station.name(), event.actor(), at) ? java.util.Optional.empty()
                    : java.util.Optional.of("The account " + event.actor() + " was not allowed at station "
                            + station.name() + " when it recorded " + event.action() + " at " + at
                            + " (central's admin names the accounts allowed at each station)."))
            .orElse(null);
    }

    private static ReceivedPreparations.Received received(Wire.Event event) {
        return new ReceivedPreparations.Received(event.sessionId(), event.action(), event.at(), event.actor(),
                event.step(), event.formulaCode(), event.payload());
    }

}
