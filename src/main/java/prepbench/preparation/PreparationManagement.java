package prepbench.preparation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.ReleasedFormula;

/**
 * Starts, resumes and reads preparation sessions. A start is atomic: the session, all its steps and its audit
 * event commit together or not at all, before the caller gets an answer.
 */
@Service
public class PreparationManagement {

    private static final Pattern BENCH = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final FormulaCatalog catalog;
    private final PreparationSessions sessions;
    private final PreparationProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    PreparationManagement(FormulaCatalog catalog, PreparationSessions sessions, PreparationProperties properties,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Resumes the operator's in-progress session of the formula, or creates the next attempt. Concurrent starts
     * of one formula are serialised on its attempt counter row, so attempt numbers stay gapless and an operator
     * never gets two in-progress sessions of one formula, however often and however fast they scan.
     *
     * @throws prepbench.formulas.FormulaNotFound when no formula has the code
     * @throws prepbench.formulas.NoReleasedVersion when the formula cannot be prepared yet
     * @throws FormulaLocked when the formula is locked after a failure
     * @throws InvalidBatch when the batch cannot be prepared (nothing is written)
     * @throws NotPermitted when the operator's role may not prepare
     */
    public StartOutcome startOrResume(StartPreparation command) {
        Operator operator = command.operator();
        if (!operator.may(Operator.Permission.PREPARE)) {
            throw NotPermitted.toPrepare(operator.username());
        }
        if (command.bench() != null && !BENCH.matcher(command.bench()).matches()) {
            throw new InvalidBench();
        }
        ReleasedFormula formula = catalog.released(command.formulaCode());
        BatchSize batch = command.batch() != null ? command.batch()
                : new BatchSize(formula.defaultAmount(), formula.defaultUnit());
        BatchPlan plan = BatchPlan.of(formula, batch, properties.readabilityG(), properties.maxBatchG());

        StartOutcome resumed = transaction.execute(tx -> resume(formula, operator.username()));
        if (resumed != null) {
            return resumed;
        }
        transaction.executeWithoutResult(tx -> sessions.ensureAttemptsRow(formula.formulaId()));
        return transaction.execute(tx -> {
            PreparationSessions.Attempts attempts = sessions.lockAttempts(formula.formulaId());
            StartOutcome resumedMeanwhile = resume(formula, operator.username());
            if (resumedMeanwhile != null) {
                return resumedMeanwhile;
            }
            if (attempts.isLocked()) {
                throw new FormulaLocked(formula.code(), attempts.lockedAt(), attempts.lockedReason());
            }
            PreparationSession session = PreparationSession.start(formula, plan, batch,
                    attempts.lastAttemptNo() + 1, operator.username(), command.bench(), clock.instant());
            sessions.insertNew(session);
            events.publishEvent(new SessionStarted(session.id().value(), formula.code().value(),
                    formula.versionNo(), session.attemptNo(), session.operator(), session.bench(), batch.amount(),
                    batch.unit().symbol(), session.batchMassG(), session.steps().size(), session.startedAt()));
            return new StartOutcome(session, true);
        });
    }

    private StartOutcome resume(ReleasedFormula formula, String operator) {
        return sessions.findInProgress(formula.formulaId(), operator)
                .flatMap(sessions::find)
                .map(session -> {
                    events.publishEvent(new SessionResumed(session.id().value(), session.formulaCode().value(),
                            session.attemptNo(), operator, session.bench(), clock.instant()));
                    return new StartOutcome(session, false);
                })
                .orElse(null);
    }

    /**
     * The session with all its steps.
     *
     * @throws SessionNotFound when there is no such session
     */
    public PreparationSession get(SessionId id) {
        return find(id).orElseThrow(() -> SessionNotFound.forId(id));
    }

    /** The session with all its steps, if there is one with this id. */
    public Optional<PreparationSession> find(SessionId id) {
        return readOnly.execute(tx -> sessions.find(id));
    }

    /** Sessions matching the query, newest first. */
    public List<SessionSummary> list(SessionQuery query) {
        return readOnly.execute(tx -> sessions.list(query));
    }
}
