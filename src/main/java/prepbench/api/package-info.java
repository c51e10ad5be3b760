/**
 * The JSON API under {@code /api/v1}: stateless (HTTP Basic), DTO records in and out,
 * every error a ProblemDetail (RFC 9457) with the right status and a message that says
 * what to do.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "access", "audit", "catalog", "database", "entry", "formulas", "preparation", "records",
                "samples", "scales", "scanning", "security", "sync", "transfer" })
package prepbench.api;
