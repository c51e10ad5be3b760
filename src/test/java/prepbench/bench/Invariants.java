package prepbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.audit.AuditTrail;

/** The invariants a load run must leave intact; each violation is described in words. */
final class Invariants {

    private Invariants() {
    }

    static List<String> violations(JdbcClient jdbc, AuditTrail audit) {
        return violations(jdbc, session -> {
            var verification = audit.verifySession(session);
            return verification.intact() ? null : verification.problem();
        });
    }

    /**
     * @param chainProblem what is wrong with a session's audit chain; null when it is
     * intact
     */
    static List<String> violations(JdbcClient jdbc, java.util.function.Function<UUID, String> chainProblem) {
        List<String> violations = new ArrayList<>();
        record Gap(String code, long sessions, long maxAttempt, long distinctAttempts) {
        }
        jdbc.sql("""
                SELECT formula_code, COUNT(*) AS sessions, MAX(attempt_no) AS max_attempt,
                       COUNT(DISTINCT attempt_no) AS distinct_attempts
                  FROM preparation_session GROUP BY formula_code
                """)
            .query((rs, n) -> new Gap(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
            .list()
            .stream()
            .filter(gap -> gap.sessions() != gap.maxAttempt() || gap.sessions() != gap.distinctAttempts())
            .forEach(gap -> violations
                .add("formula " + gap.code() + ": " + gap.sessions() + " sessions but attempts up to "
                        + gap.maxAttempt() + " (" + gap.distinctAttempts() + " distinct)"));
        jdbc.sql("""
                SELECT formula_code, operator, COUNT(*) FROM preparation_session WHERE status = 'in_progress'
                 GROUP BY formula_code, operator HAVING COUNT(*) > 1
                """)
            .query((rs, n) -> rs.getString(2) + " has " + rs.getLong(3) + " in-progress sessions of " + rs.getString(1))
            .list()
            .forEach(violations::add);
        jdbc.sql("""
                SELECT s.id FROM preparation_session s
                 WHERE s.step_count <> (SELECT COUNT(*) FROM preparation_step st WHERE st.session_id = s.id)
                """).query(UUID.class).list().forEach(id -> violations.add("session " + id + " is missing steps"));
        jdbc.sql(
                """
                        SELECT s.id FROM preparation_session s
                         WHERE NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.session_id = s.id AND a.action = 'SESSION_STARTED')
                        """)
            .query(UUID.class)
            .list()
            .forEach(id -> violations.add("session " + id + " has no start event"));
        for (UUID session : jdbc.sql("SELECT id FROM preparation_session").query(UUID.class).list()) {
            String problem = chainProblem.apply(session);
            if (problem != null) {
                violations.add("session " + session + ": audit chain broken: " + problem);
            }
        }
        return violations;
    }

}
