/**
 * How PrepBench reads what a person typed or a file held, the same everywhere:
 * {@link prepbench.entry.Decimals}, the one reader of decimal numbers (a dot as the
 * decimal separator, never a comma, which could be a thousands separator: "1,500" is
 * refused, not read as 1.5 or 1500), and {@link prepbench.entry.Limits}, the limits of
 * free text such as a reason. Pure functions; no module of its own to ask.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package prepbench.entry;
