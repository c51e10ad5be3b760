package prepbench.audit;

/**
 * Whether an audit chain is intact: every event's hash matches its content and links to the event before it.
 *
 * @param brokenAtEventId the first event that does not check out; null when intact
 * @param problem what is wrong with it; null when intact
 */
public record ChainVerification(String chain, int events, boolean intact, Long brokenAtEventId, String problem) {
}
