/**
 * The four balance protocols behind the {@link prepbench.scales.Scale} seam:
 * A&amp;D-style lines, MT-SICS, Sartorius SBI and Ohaus native. A
 * {@link prepbench.scales.protocol.LineFramer} cuts the bytes a balance sends into lines;
 * a {@link prepbench.scales.protocol.BalanceCodec} turns each line into a
 * {@link prepbench.scales.protocol.Decoded} (a weight with its state, an acknowledgement,
 * a line that carries no weight, or a failure) and knows the commands that poll, zero and
 * tare. Weights are converted to grams exactly; nothing that is unstable, out of range,
 * in another unit or unreadable ever decodes to a capturable reading, and no input,
 * however broken, makes framing or decoding throw.
 * <p>
 * Each codec also speaks the balance's side (the line it sends for a reading, its reply
 * to a command) for the balance simulator. Pure Java, no Spring; internal to the scales
 * module.
 */
package prepbench.scales.protocol;
