package prepbench.preparation;

/** The session a start gave, and whether it was created now or resumed. */
public record StartOutcome(PreparationSession session, boolean created) {
}
