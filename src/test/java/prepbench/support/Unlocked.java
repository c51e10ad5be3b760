package prepbench.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test classes that share one database share its formulas, and a formula locks after
 * three failed attempts in a row, whichever tests made them. A test that needs to start a
 * demo formula states that precondition with this: the formulas unlocked and their
 * failures in a row forgotten.
 */
public final class Unlocked {

    private Unlocked() {
    }

    public static void formulas(JdbcClient jdbc, String... codes) {
        for (String code : codes) {
            jdbc.sql("""
                    UPDATE formula_attempts SET locked_at = NULL, locked_reason = NULL, locked_session_id = NULL,
                           consecutive_failures = 0
                     WHERE formula_id = (SELECT id FROM formula WHERE code = :code)
                    """).param("code", code).update();
        }
    }

}
