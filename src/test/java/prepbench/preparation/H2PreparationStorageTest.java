package prepbench.preparation;

/** Session storage on the embedded H2 database. */
class H2PreparationStorageTest extends PreparationStorageScenarios {

}
