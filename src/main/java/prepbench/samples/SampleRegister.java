package prepbench.samples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.entry.Limits;
import prepbench.entry.Text;
import prepbench.samples.SampleRefused.Reason;

/**
 * The samples of completed preparations: found by preparation or code, the tests after
 * preparation due on them, and their results, recorded by a permitted person, once, on
 * the record ({@link SampleEvents}).
 */
@Service
public class SampleRegister {

    /** How far ahead the dashboard looks for tests coming due. */
    public static final Duration DUE_SOON = Duration.ofHours(24);

    private static final int MAX_VALUE = 100;

    private final Samples samples;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    private final Clock clock;

    SampleRegister(Samples samples, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock) {
        this.samples = samples;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The sample of a completed session. */
    @Transactional(readOnly = true)
    public Optional<Sample> forSession(UUID sessionId) {
        return samples.find("session_id = :key", sessionId);
    }

    /**
     * A sample by its code, such as {@code PRM00936-3}; codes compare case-insensitively.
     */
    @Transactional(readOnly = true)
    public Optional<Sample> byCode(String code) {
        return samples.find("code = :key", canonical(code));
    }

    /**
     * The codes of the samples of these sessions (the completed ones), by session: one
     * query for a list.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> codesOf(List<UUID> sessionIds) {
        return samples.codesOf(sessionIds);
    }

    /** The open tests overdue or due within {@link #DUE_SOON}, soonest first. */
    @Transactional(readOnly = true)
    public List<DueTest> dueSoon(int limit) {
        return samples.due(clock.instant().plus(DUE_SOON), Math.max(1, Math.min(limit, 500)));
    }

    /**
     * Records a test's result: {@code pass} or {@code fail}, with an optional value (as
     * measured, such as "pH 5.6") and note. A result is recorded once: a correction is a
     * note on a new test, never an overwrite.
     * @throws SampleNotFound when no sample has the code
     * @throws SampleRefused saying what is wrong
     */
    public Sample recordResult(Actor person, String code, UUID testId, String result, String value, String note) {
        person.require(Permission.RECORD_TEST_RESULT);
        String outcome = result == null ? "" : result.strip().toLowerCase(Locale.ROOT);
        if (!outcome.equals("pass") && !outcome.equals("fail")) {
            throw new SampleRefused(Reason.RESULT_REQUIRED, Text.of("refused.sample.result-required"));
        }
        String measured = blankToNull(value);
        String remark = blankToNull(note);
        if ((measured != null && measured.length() > MAX_VALUE)
                || (remark != null && remark.length() > Limits.MAX_REASON)) {
            throw new SampleRefused(Reason.TOO_LONG, Text.of("refused.sample.too-long", MAX_VALUE, Limits.MAX_REASON));
        }
        return transaction.execute(tx -> {
            String canonical = canonical(code);
            samples.lock(canonical).orElseThrow(() -> new SampleNotFound(code));
            Sample sample = samples.find("code = :key", canonical).orElseThrow();
            Sample.Test test = sample.tests()
                .stream()
                .filter(candidate -> candidate.id().equals(testId))
                .findFirst()
                .orElseThrow(() -> new SampleRefused(Reason.NO_SUCH_TEST,
                        Text.of("refused.sample.no-such-test", String.valueOf(sample.code()))));
            if (!test.open()) {
                throw new SampleRefused(Reason.ALREADY_RECORDED, Text.of("refused.sample.already-recorded",
                        String.valueOf(test.name()), result(test.result()), String.valueOf(test.recordedBy())));
            }
            Instant now = clock.instant();
            samples.recordResult(testId, outcome, measured, remark, person.username(), now);
            events.publishEvent(new SampleEvents.TestResultRecorded(sample.sessionId(), sample.code(),
                    sample.formulaCode(), test.name(), outcome, measured, remark, person.username(), now));
            return samples.find("code = :key", canonical).orElseThrow();
        });
    }

    /** A recorded result in the reader's language: pass or fail. */
    private static Object result(String result) {
        return switch (String.valueOf(result)) {
            case "pass" -> Text.of("refused.sample.result.pass");
            case "fail" -> Text.of("refused.sample.result.fail");
            default -> String.valueOf(result);
        };
    }

    private static String canonical(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
