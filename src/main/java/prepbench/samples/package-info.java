/**
 * Samples: what a completed preparation produced, planned against actual mass per ingredient with the lots used.
 * A sample is recorded in the transaction that completes its session.
 */
package prepbench.samples;
