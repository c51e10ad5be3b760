/**
 * The audit trail: an append-only record of every action (preparations, formula locks,
 * formula versions, ingredients, accounts), who did it and when. Events are written by
 * synchronous listeners, inside the transaction of the change they record, so a change
 * and its audit event commit together or not at all; each is sealed with HMAC-SHA-256
 * under a key kept outside the database, numbered and chained.
 * {@link prepbench.audit.AuditTrail} reads and verifies (chains, checkpoints, records
 * against their events); {@link prepbench.audit.AuditReview} searches, verifies
 * everything and raises alerts. See docs/audit-trail.md.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "access", "catalog", "entry", "formulas", "preparation", "samples", "security" })
package prepbench.audit;
