/**
 * The audit trail: an append-only record of every action on a preparation, who did it and when. Events are
 * written by synchronous listeners, inside the transaction of the change they record, so a change and its
 * audit event commit together or not at all.
 */
package prepbench.audit;
