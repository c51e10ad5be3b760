/**
 * Labels: printable QR labels a technician sticks on a formula's paperwork or an
 * ingredient's container and scans at the bench. A formula label carries {@code F=CODE};
 * an ingredient label carries the ingredient's primary code value. The caption under the
 * symbol is the same code in human-readable form, for when a scan fails.
 * {@link prepbench.labels.QrLabels} draws a label as SVG (for printing at any size) or
 * PNG. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "entry" })
package prepbench.labels;
