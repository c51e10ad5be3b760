package prepbench.bench;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Creates what a load run needs: technicians (cheap password hashes) and released 10-line
 * formulas.
 */
final class LoadFixture {

    static final String PASSWORD = "load-test";

    private LoadFixture() {
    }

    static List<String> technicians(JdbcClient jdbc, String run, int count) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "lt-" + run + "-" + i;
            jdbc.sql("INSERT INTO users (username, password, enabled) VALUES (:name, :hash, TRUE)")
                .param("name", name)
                .param("hash", hash)
                .update();
            jdbc.sql("INSERT INTO authorities (username, authority) VALUES (:name, 'ROLE_TECHNICIAN')")
                .param("name", name)
                .update();
            names.add(name);
        }
        return names;
    }

    /**
     * Released formulas of ten lines each, 10 % apiece, from the ingredients already in
     * the database.
     */
    static List<String> formulas(JdbcClient jdbc, String run, int count) {
        List<UUID> ingredients = jdbc.sql("SELECT id FROM ingredient ORDER BY code").query(UUID.class).list();
        if (ingredients.size() < 10) {
            throw new IllegalStateException("A load run needs at least 10 ingredients; start with demo data");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> codes = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            String code = ("LT" + run + f).toUpperCase();
            UUID formula = UUID.randomUUID();
            UUID version = UUID.randomUUID();
            jdbc.sql("INSERT INTO formula (id, code, name, created_at) VALUES (:id, :code, :name, :at)")
                .param("id", formula)
                .param("code", code)
                .param("name", "Load test formula " + f)
                .param("at", now)
                .update();
            jdbc.sql("""
                    INSERT INTO formula_version (id, formula_id, version_no, name, status, batch_amount, batch_unit,
                                                 released_at, released_by, created_at, released_of)
                    VALUES (:id, :formula, 1, 'Load test formula', 'released', 100, 'g', :at, 'load', :at, :formula)
                    """).param("id", version).param("formula", formula).param("at", now).update();
            for (int line = 0; line < 10; line++) {
                jdbc.sql("""
                        INSERT INTO formula_line (formula_version_id, line_no, ingredient_id, fraction)
                        VALUES (:version, :line, :ingredient, :fraction)
                        """)
                    .param("version", version)
                    .param("line", line + 1)
                    .param("ingredient", ingredients.get(line))
                    .param("fraction", new BigDecimal("0.1"))
                    .update();
            }
            codes.add(code);
        }
        return codes;
    }

}
