/**
 * Balances at the benches: one {@link prepbench.scales.Scale} per bench, the simulated balance; real protocols
 * come later.
 */
package prepbench.scales;
