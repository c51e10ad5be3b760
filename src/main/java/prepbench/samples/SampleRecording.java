package prepbench.samples;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import prepbench.preparation.SessionEvents.SessionCompleted;

/** Records the sample of a preparation as it completes. */
@Component
class SampleRecording {

    private final Samples samples;

    SampleRecording(Samples samples) {
        this.samples = samples;
    }

    /**
     * Runs inside the transaction that completes the session: the session and its sample
     * commit together.
     */
    @EventListener
    void on(SessionCompleted completed) {
        samples.insert(Sample.of(completed));
    }

}
