/**
 * Connections to real balances: a transport (TCP or serial) and a protocol codec, kept
 * alive by one reader thread per bench that reconnects with backoff. Internal to the
 * scales module.
 */
package prepbench.scales.connection;
