/**
 * Samples: what a completed preparation produced, planned against actual mass per
 * ingredient with the lots used, and the tests after preparation its formula has in
 * force, scheduled on it and due their delay after completion. A sample and its tests are
 * recorded in the transaction that completes its session; a test's result is recorded
 * once, by a permitted person, on the record.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access", "entry", "formulas", "preparation" })
package prepbench.samples;
