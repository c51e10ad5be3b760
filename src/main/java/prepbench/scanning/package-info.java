/**
 * Scanning: turns whatever a keyboard-wedge scanner or a person typed into what it points
 * at. The scan box of every page hands its input to
 * {@link prepbench.scanning.ScanDecoder} (a formula, a preparation or a sample, or a
 * message that says what to do instead); the identity gate of a weighing step reads an
 * ingredient container's label with {@link prepbench.scanning.ContainerLabels}
 * ({@code plain}, {@code gs1} or {@code kv}). Pure functions; no Spring, no state.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "entry", "formulas" })
package prepbench.scanning;
