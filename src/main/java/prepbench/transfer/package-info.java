/**
 * Formula files: formulas travel between labs and spreadsheets as CSV or JSON, read and
 * written by {@link prepbench.transfer.FormulaFiles} (syntax, encodings, every problem
 * with its row and field) and imported or exported by
 * {@link prepbench.transfer.FormulaTransfer}, which leaves the catalogue's rules to
 * {@link prepbench.formulas.FormulaImport}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access", "entry", "formulas" })
package prepbench.transfer;
