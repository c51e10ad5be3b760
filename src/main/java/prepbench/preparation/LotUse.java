package prepbench.preparation;

import java.time.Instant;

/**
 * A lot of an ingredient that preparations weighed.
 *
 * @param lot as typed (the first, when it was typed in more than one case)
 * @param preparations how many preparations weighed it
 * @param lastUsedAt when it was last weighed; null when it was entered but never weighed
 */
public record LotUse(String lot, int preparations, Instant lastUsedAt) {
}
