/**
 * Ingredients and formulas: what a lab can prepare. A formula has versions; only a released version can be
 * prepared, and a released version never changes. Other modules read formulas through {@link
 * prepbench.formulas.FormulaCatalog}. Formulas travel between labs and spreadsheets as CSV or JSON files,
 * read and written by {@link prepbench.formulas.FormulaFiles}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "entry"})
package prepbench.formulas;
