package prepbench.formulas;

/** Formula and ingredient management on the embedded H2 database. */
class H2CatalogTest extends CatalogScenarios {

}
