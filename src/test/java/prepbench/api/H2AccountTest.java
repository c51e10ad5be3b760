package prepbench.api;

/** Accounts on the embedded H2 database. */
class H2AccountTest extends AccountScenarios {

}
