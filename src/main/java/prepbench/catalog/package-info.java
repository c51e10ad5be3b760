/**
 * The catalogue of ingredients: codes, names, CAS numbers, the codes their containers
 * carry (primary, alternatives, aliases a technician's scan proposed and a lab lead
 * confirmed), densities, and whether a lot must be recorded. Formulas refer to
 * ingredients through {@link prepbench.catalog.IngredientManagement}. Also what both
 * halves of the catalogue (ingredients here, formulas in {@code formulas}) share:
 * {@link prepbench.catalog.CatalogRefused} and the
 * {@link prepbench.catalog.CatalogChanged} events the audit trail records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access", "entry" })
package prepbench.catalog;
