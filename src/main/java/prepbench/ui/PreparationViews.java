package prepbench.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.entry.Text;
import prepbench.preparation.ActionRefused;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.PreparationProperties;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.SessionStatus;
import prepbench.samples.SampleRegister;
import prepbench.sync.StationSync;
import prepbench.scales.BenchManagement;
import prepbench.records.SessionView;

/** Builds a preparation page for the signed-in user. */
@Component
class PreparationViews {

    private final PreparationManagement preparations;

    private final SampleRegister samples;

    private final BenchManagement benches;

    private final boolean demo;

    private final long overDispenseFailsAfterSeconds;

    private final StationSync sync;

    PreparationViews(PreparationManagement preparations, SampleRegister samples, BenchManagement benches,
            PreparationProperties properties, @Value("${prepbench.demo-data:false}") boolean demo, StationSync sync) {
        this.sync = sync;
        this.preparations = preparations;
        this.samples = samples;
        this.benches = benches;
        this.demo = demo;
        var weighing = properties.weighing();
        this.overDispenseFailsAfterSeconds = weighing.overDispense() == PreparationProperties.OverDispense.FAIL_AFTER
                ? Math.max(1, weighing.overDispenseAfter().toSeconds()) : 0;
    }

    PreparationPage page(PreparationSession session, Actor operator, String message, boolean error) {
        return page(session, operator, message, error, null, null);
    }

    PreparationPage page(PreparationSession session, Actor operator, String message, boolean error,
            ActionRefused.Reason refusal, String form) {
        return page(session, operator, message, null, error, refusal, form);
    }

    /**
     * @param text the message as words not yet in a language (the page marks the data in
     * it); null when only the worded message is known
     */
    PreparationPage page(PreparationSession session, Actor operator, String message, Text text, boolean error,
            ActionRefused.Reason refusal, String form) {
        // central's copy of a station's preparation changes only as the station sends it
        boolean mayAct = operator.may(Permission.PREPARE) && session.origin().station() == null
                && (operator.username().equals(session.operator()) || operator.may(Permission.ENTER_MANUAL_WEIGHT));
        var lock = preparations.lockOf(session).orElse(null);
        boolean simulated = session.bench() != null && benches.exists(session.bench())
                && benches.isSimulated(session.bench());
        boolean tared = session.activeStep().map(session::taredFor).orElse(false);
        return new PreparationPage(SessionView.of(session), message, text, error, refusal, form, tared,
                operator.may(Permission.ENTER_MANUAL_WEIGHT), operator.may(Permission.RELEASE_LOCK), mayAct, lock,
                demo && simulated && mayAct,
                session.status() == SessionStatus.COMPLETED ? samples.forSession(session.id().value()).orElse(null)
                        : null,
                overDispenseFailsAfterSeconds,
                sync.isStation() ? Long.valueOf(sync.waitingOf(session.id().value())) : null);
    }

}
