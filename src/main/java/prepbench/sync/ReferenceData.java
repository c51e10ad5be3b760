package prepbench.sync;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.preparation.PreparationManagement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Central's formulas, ingredients, accounts and locks, as a station keeps a copy of them
 * (docs/sync.md): central lists the rows of each table a preparation needs, with the same
 * ids; the station writes them over its own in one transaction, and takes each formula's
 * lock (or its release) as central has it.
 */
@Component
class ReferenceData {

    /**
     * A table copied: its key, which rows central lists, and the columns (all but those
     * named in {@code localColumns}, which stay the station's own).
     */
    private record Copied(String table, List<String> key, String where, String order, Set<String> localColumns,
            boolean replaceAll) {
    }

    /** The accounts allowed at the station central answers now. */
    private static final String ALLOWED = "SELECT username FROM station_account WHERE station = :station "
            + "AND allowed_until IS NULL";

    /** In the order the station writes them: each after those it refers to. */
    private static final List<Copied> TABLES = List.of(
            new Copied("ingredient", List.of("id"), "", "code", Set.of(), false),
            new Copied("ingredient_code", List.of("ingredient_id", "code_value"), "", "code_value", Set.of(), true),
            new Copied("formula", List.of("id"), "", "code", Set.of(), false),
            // the retired first: a version retired frees its formula's place of the
            // released one
            new Copied("formula_version", List.of("id"), "WHERE status IN ('released', 'retired')",
                    "status DESC, version_no", Set.of(), false),
            new Copied("formula_line", List.of("formula_version_id", "line_no"),
                    "WHERE formula_version_id IN (SELECT id FROM formula_version WHERE status IN ('released', "
                            + "'retired'))",
                    "formula_version_id, line_no", Set.of(), false),
            // the removed first: a test replaced by one of the same name frees its name
            new Copied("formula_test", List.of("id"), "", "CASE WHEN removed_at IS NULL THEN 1 ELSE 0 END, id",
                    Set.of(), false),
            // the accounts allowed at the station; sign-in failures and lockouts are the
            // station's own
            new Copied("users", List.of("username"), "WHERE username IN (" + ALLOWED + ")", "username",
                    Set.of("failed_attempts", "locked_until"), false),
            new Copied("authorities", List.of("username", "authority"), "WHERE username IN (" + ALLOWED + ")",
                    "username, authority", Set.of(), true));

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final PreparationManagement preparations;

    private final Clock clock;

    private final Outbox outbox;

    private final JsonMapper json;

    /**
     * The digest of the tables last written here: the same rows again are not written
     * again.
     */
    private volatile String applied;

    ReferenceData(JdbcClient jdbc, PlatformTransactionManager transactions, PreparationManagement preparations,
            Clock clock, Outbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.preparations = preparations;
        this.clock = clock;
    }

    /** At central: everything this station copies. */
    Wire.Reference export(String station) {
        TransactionTemplate readOnly = new TransactionTemplate(transaction.getTransactionManager());
        readOnly.setReadOnly(true);
        // every table as of one moment: an account's roles with its row, a version's
        // lines
        // with the version
        readOnly.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return readOnly.execute(tx -> {
            Map<String, Wire.Table> tables = new LinkedHashMap<>();
            for (Copied copied : TABLES) {
                tables.put(copied.table(), read(copied, station));
            }
            List<Wire.Lock> locks = jdbc.sql("""
                    SELECT f.id, f.code, a.locked_at, a.locked_reason
                      FROM formula f LEFT JOIN formula_attempts a ON a.formula_id = f.id
                     ORDER BY f.code
                    """)
                .query((rs, n) -> new Wire.Lock(rs.getObject("id", UUID.class), rs.getString("code"),
                        instant(rs.getObject("locked_at", OffsetDateTime.class)), rs.getString("locked_reason")))
                .list();
            return new Wire.Reference(clock.instant(), tables, locks);
        });
    }

    private Wire.Table read(Copied copied, String station) {
        List<String> columns = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        var select = jdbc.sql("SELECT * FROM " + copied.table() + " " + copied.where() + " ORDER BY " + copied.order());
        if (copied.where().contains(":station")) {
            select = select.param("station", station);
        }
        select.query((ResultSetExtractor<Boolean>) rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                if (!copied.localColumns().contains(column) && !GENERATED.contains(column)) {
                    columns.add(column);
                    kinds.add(kind(meta.getColumnClassName(i)));
                }
            }
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    row.add(value(rs, columns.get(i), kinds.get(i)));
                }
                rows.add(row);
            }
            return true;
        });
        return new Wire.Table(columns, kinds, rows);
    }

    /** Columns the database computes: never written. */
    private static final Set<String> GENERATED = Set.of("lot_key");

    private static String kind(String className) {
        return switch (className) {
            case "java.util.UUID" -> "uuid";
            case "java.math.BigDecimal" -> "decimal";
            case "java.sql.Timestamp", "java.time.OffsetDateTime", "java.time.LocalDateTime" -> "timestamp";
            case "java.sql.Date", "java.time.LocalDate" -> "date";
            case "java.lang.Boolean" -> "bool";
            case "java.lang.Integer", "java.lang.Short", "java.lang.Long" -> "number";
            default -> "text";
        };
    }

    private static Object value(ResultSet rs, String column, String kind) throws SQLException {
        return switch (kind) {
            case "uuid" -> {
                Object id = rs.getObject(column);
                yield id == null ? null : id.toString();
            }
            case "decimal" -> {
                BigDecimal number = rs.getBigDecimal(column);
                yield number == null ? null : number.toPlainString();
            }
            case "timestamp" -> {
                OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
                yield at == null ? null : at.toInstant().toString();
            }
            case "date" -> {
                LocalDate day = rs.getObject(column, LocalDate.class);
                yield day == null ? null : day.toString();
            }
            case "bool" -> {
                boolean yes = rs.getBoolean(column);
                yield rs.wasNull() ? null : yes;
            }
            case "number" -> {
                long number = rs.getLong(column);
                yield rs.wasNull() ? null : number;
            }
            default -> rs.getString(column);
        };
    }

    /**
     * At a station: writes central's rows over its own, in one transaction, then each
     * formula's lock as central has it.
     * @throws IllegalArgumentException when central's answer names a table or column the
     * station does not copy
     */
    void apply(Wire.Reference reference) {
        String digest = Stations.sha256(json.writeValueAsString(reference.tables()));
        try {
            if (!digest.equals(applied)) {
                transaction.executeWithoutResult(tx -> {
                    Set<List<Object>> listedAccounts = Set.of();
                    for (Copied copied : TABLES) {
                        Wire.Table table = reference.tables().get(copied.table());
                        if (table == null) {
                            throw new IllegalArgumentException("central's data has no table " + copied.table());
                        }
                        Set<List<Object>> keys = write(copied, table, listedAccounts);
                        if (copied.table().equals("users")) {
                            listedAccounts = keys;
                        }
                    }
                });
                applied = digest;
            }
        }
        finally {
            // the locks, whatever became of the rows: a lock made elsewhere stops the
            // formula here even while the rows cannot be taken
            mirrorLocks(reference.locks());
        }
        jdbc.sql("UPDATE sync_contact SET last_refresh_at = :at WHERE id = 1")
            .param("at", clock.instant().atOffset(ZoneOffset.UTC))
            .update();
    }

    /**
     * Each formula locked or not as central has it. A lock of the station's own is let go
     * only once central has everything the station recorded: until then central may not
     * know of the over-dispense that made it.
     */
    private void mirrorLocks(List<Wire.Lock> locks) {
        Set<String> lockedHere = new HashSet<>();
        preparations.lockedFormulas().forEach(lock -> lockedHere.add(lock.formulaCode()));
        boolean centralHasAll = outbox.counts().waiting() == 0;
        for (Wire.Lock lock : locks) {
            boolean lockedThere = lock.lockedAt() != null;
            if (lockedThere != lockedHere.contains(lock.formulaCode()) && (lockedThere || centralHasAll)) {
                preparations.mirrorLock(lock.formulaId(), lock.formulaCode(), lock.lockedAt(), lock.reason());
            }
        }
    }

    /**
     * Writes central's rows of one table over the station's.
     * @param listedAccounts the accounts central listed (for {@code authorities})
     * @return the keys of the rows written
     */
    private Set<List<Object>> write(Copied copied, Wire.Table table, Set<List<Object>> listedAccounts) {
        Set<String> own = columnsOf(copied.table());
        for (String column : table.columns()) {
            if (!own.contains(column) || copied.localColumns().contains(column) || GENERATED.contains(column)) {
                throw new IllegalArgumentException(
                        "central's data has a column " + copied.table() + "." + column + " this station does not copy");
            }
        }
        if (copied.table().equals("authorities")) {
            // the roles of the accounts central lists; one it lists no more keeps its
            // role,
            // disabled
            List<Object> listed = listedAccounts.stream().map(key -> key.get(0)).toList();
            if (!listed.isEmpty()) {
                jdbc.sql("DELETE FROM authorities WHERE username IN (:listed)").param("listed", listed).update();
            }
        }
        else if (copied.replaceAll()) {
            jdbc.sql("DELETE FROM " + copied.table()).update();
        }
        StringJoiner set = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner match = new StringJoiner(" AND ");
        for (String column : table.columns()) {
            names.add(column);
            values.add(":" + column);
            if (copied.key().contains(column)) {
                match.add(column + " = :" + column);
            }
            else {
                set.add(column + " = :" + column);
            }
        }
        String update = "UPDATE " + copied.table() + " SET " + set + " WHERE " + match;
        String insert = "INSERT INTO " + copied.table() + " (" + names + ") VALUES (" + values + ")";
        Set<List<Object>> keys = new HashSet<>();
        for (List<Object> row : table.rows()) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                params.put(table.columns().get(i), typed(table.kinds().get(i), row.get(i)));
            }
            keys.add(copied.key().stream().map(params::get).toList());
            boolean exists = !copied.replaceAll() && !set.toString().isEmpty()
                    && jdbc.sql(update).params(params).update() > 0;
            if (!exists && (copied.replaceAll() || !present(copied, params))) {
                jdbc.sql(insert).params(params).update();
            }
        }
        if (copied.table().equals("users")) {
            // an account central does not list may not sign in here
            jdbc.sql("SELECT username FROM users")
                .query(String.class)
                .list()
                .stream()
                .filter(username -> !keys.contains(List.of(username)))
                .forEach(username -> jdbc.sql("UPDATE users SET enabled = FALSE WHERE username = :username")
                    .param("username", username)
                    .update());
        }
        return keys;
    }

    private boolean present(Copied copied, Map<String, Object> params) {
        StringJoiner match = new StringJoiner(" AND ");
        copied.key().forEach(column -> match.add(column + " = :" + column));
        Map<String, Object> key = new LinkedHashMap<>();
        copied.key().forEach(column -> key.put(column, params.get(column)));
        return jdbc.sql("SELECT COUNT(*) FROM " + copied.table() + " WHERE " + match)
            .params(key)
            .query(Integer.class)
            .single() > 0;
    }

    private Set<String> columnsOf(String table) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE 1 = 0").query((ResultSetExtractor<Set<String>>) rs -> {
            Set<String> columns = new HashSet<>();
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return columns;
        });
    }

    private static Object typed(String kind, Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return switch (kind) {
            case "uuid" -> UUID.fromString(text);
            case "decimal" -> new BigDecimal(text);
            case "timestamp" -> java.time.Instant.parse(text).atOffset(ZoneOffset.UTC);
            case "date" -> LocalDate.parse(text);
            case "bool" -> value instanceof Boolean yes ? yes : Boolean.parseBoolean(text);
            case "number" -> value instanceof Number number ? number.longValue() : Long.parseLong(text);
            default -> text;
        };
    }

    private static java.time.Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

}
