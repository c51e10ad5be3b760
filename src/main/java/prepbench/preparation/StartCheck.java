package prepbench.preparation;

/**
 * A condition every new attempt must meet, however it is started (scan, page, API),
 * beyond the formula's own: a station whose copy of central's data is too old starts none
 * (issue 18). Resuming a preparation in progress is not a start.
 */
@FunctionalInterface
public interface StartCheck {

    /**
     * @throws prepbench.access.Refused (or another worded refusal) when no new attempt
     * may start now
     */
    void mayStart();

}
