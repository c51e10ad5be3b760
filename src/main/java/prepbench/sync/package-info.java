/**
 * Offline stations and their central PrepBench (issue 18, DESIGN.md rule 11,
 * docs/sync.md). A <em>station</em> ({@code prepbench.sync.central-url} and
 * {@code prepbench.sync.token} set) keeps a copy of central's formulas, ingredients,
 * accounts and locks, prepares offline, writes every event of its preparations to an
 * outbox in the transaction of the change, and relays them, in order and idempotently, to
 * <em>central</em> (any PrepBench that registered the station). Central verifies each
 * event's seal under the station's key and its link, stores it as the station sealed it,
 * builds its own copy of the preparation from the events, and may refuse it: the station
 * then marks it {@code server_rejected} with central's reason.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "access", "audit", "entry", "formulas", "preparation", "security" })
package prepbench.sync;
