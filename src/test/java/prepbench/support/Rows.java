package prepbench.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts of the tables a refused request must leave untouched. */
public record Rows(int sessions, int steps, int auditEvents, int attemptCounters) {

    public static Rows count(JdbcClient jdbc) {
        return new Rows(count(jdbc, "preparation_session"), count(jdbc, "preparation_step"), count(jdbc, "audit_event"),
                count(jdbc, "formula_attempts"));
    }

    private static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }
}
