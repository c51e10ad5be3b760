/**
 * Preparation sessions: one attempt at one released formula version, one weighing step
 * per ingredient. {@link prepbench.preparation.PreparationManagement} is the module's
 * facade; it publishes past-tense events
 * ({@link prepbench.preparation.SessionEvents.SessionStarted}, ...) that the audit trail
 * records in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "access", "catalog", "entry", "formulas", "scales", "scanning" })
package prepbench.preparation;
