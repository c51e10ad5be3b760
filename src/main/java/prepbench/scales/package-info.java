/**
 * Balances at the benches: {@link prepbench.scales.BenchManagement} holds one
 * {@link prepbench.scales.Scale} per bench, a real balance (A&amp;D, MT-SICS, Sartorius
 * SBI or Ohaus, over TCP or a serial port, in {@code protocol} and {@code connection})
 * or, on a demo station only, the simulated one; readings, zero and tare; and the
 * runnable TCP balance simulator ({@code simulator}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "entry" })
package prepbench.scales;
