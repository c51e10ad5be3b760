/**
 * A balance on the network, for people and tests without hardware: a TCP server that
 * speaks a chosen protocol with a {@link prepbench.scales.SimulatedBalance} behind it,
 * and can misbehave on purpose.
 */
package prepbench.scales.simulator;
