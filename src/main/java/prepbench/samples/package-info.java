/**
 * Samples: what a completed preparation produced, planned against actual mass per
 * ingredient with the lots used. A sample is recorded in the transaction that completes
 * its session.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "preparation" })
package prepbench.samples;
