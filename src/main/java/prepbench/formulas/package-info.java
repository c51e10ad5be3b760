/**
 * Formulas: what a lab can prepare, made of the catalogue's ingredients. A formula has
 * versions; only a released version can be prepared, and a released version never
 * changes. Other modules read formulas through {@link prepbench.formulas.FormulaCatalog};
 * the {@code transfer} module writes the formulas of a file as drafts through
 * {@link prepbench.formulas.FormulaImport}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access", "catalog", "entry" })
package prepbench.formulas;
