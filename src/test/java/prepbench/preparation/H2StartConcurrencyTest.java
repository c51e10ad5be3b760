package prepbench.preparation;

/** The concurrency scenarios on the embedded H2 database. */
class H2StartConcurrencyTest extends StartConcurrencyScenarios {

}
