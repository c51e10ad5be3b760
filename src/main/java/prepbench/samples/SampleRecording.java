package prepbench.samples;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaTest;
import prepbench.preparation.SessionEvents.SessionCompleted;

/**
 * Records the sample of a preparation as it completes, and schedules on it the tests
 * after preparation its formula has in force then, each due its delay after the
 * completion.
 */
@Component
class SampleRecording {

    private final Samples samples;

    private final FormulaCatalog formulas;

    private final ApplicationEventPublisher events;

    SampleRecording(Samples samples, FormulaCatalog formulas, ApplicationEventPublisher events) {
        this.samples = samples;
        this.formulas = formulas;
        this.events = events;
    }

    /**
     * Runs inside the transaction that completes the session: the session, its sample and
     * its scheduled tests commit together.
     */
    @EventListener
    void on(SessionCompleted completed) {
        Sample sample = Sample.of(completed);
        samples.insert(sample);
        List<FormulaTest> tests = formulas.find(FormulaCode.of(completed.formulaCode()))
            .map(formula -> formulas.testsOf(formula.id()))
            .orElse(List.of());
        if (tests.isEmpty()) {
            return;
        }
        List<SampleEvents.Scheduled> scheduled = tests.stream()
            .map(test -> new SampleEvents.Scheduled(test.name(), completed.at().plus(test.delay())))
            .toList();
        scheduled.forEach(test -> samples.schedule(sample.id(), test.name(), test.dueAt()));
        events.publishEvent(new SampleEvents.TestsScheduled(completed.sessionId(), sample.code(),
                completed.formulaCode(), scheduled, completed.at()));
    }

}
