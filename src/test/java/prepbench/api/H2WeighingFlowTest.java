package prepbench.api;

/** The weighing flow on the embedded H2 database. */
class H2WeighingFlowTest extends WeighingFlowScenarios {

}
