/**
 * Scanning: turns whatever a keyboard-wedge scanner or a person typed into a scan box into what it
 * points at (a formula, a preparation or a sample), or into a message that says what to do instead.
 * Pure functions, no Spring; the scan box of every page hands its input to {@link prepbench.scanning.ScanDecoder}.
 */
package prepbench.scanning;
