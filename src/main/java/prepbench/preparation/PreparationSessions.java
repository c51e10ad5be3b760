package prepbench.preparation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import prepbench.formulas.BatchUnit;
import prepbench.formulas.FormulaCode;

/**
 * Stores preparation sessions, their steps, and each formula's attempt counter and lock.
 */
@Repository
class PreparationSessions {

    private static final String SESSION_COLUMNS = """
            s.id, s.formula_id, s.formula_version_id, s.formula_code, s.formula_name, s.version_no, s.attempt_no,
            s.status, s.operator, s.bench, s.amount, s.unit, s.batch_mass_g, s.step_count, s.started_at,
            s.ended_at, s.end_reason, s.tared_at, s.station, s.station_attempt_no, s.central_attempt_no,
            s.clock_offset_ms
            """;

    private static final String STEP_COLUMNS = """
            sequence_no, id, ingredient_id, ingredient_code, ingredient_name, required_code_value, alt_code_values,
            allowed_symbologies, parser, target_g, tol_minus_g, tol_plus_g, scanned_code, symbology, scanned_at,
            captured_g, is_stable, manual, manual_reason, lot, expiry, status, failure_reason, captured_at, scale_id,
            tare_g, lot_required
            """;

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batch;

    PreparationSessions(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<PreparationSession> find(SessionId id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM preparation_session s WHERE s.id = :id")
            .param("id", id.value())
            .query((rs, n) -> session(rs, steps(id.value())))
            .optional();
    }

    Optional<UUID> formulaOf(SessionId id) {
        return jdbc.sql("SELECT formula_id FROM preparation_session WHERE id = :id")
            .param("id", id.value())
            .query(UUID.class)
            .optional();
    }

    /**
     * Loads the session and keeps its row locked until the transaction ends: actions on
     * one session queue.
     */
    Optional<PreparationSession> lock(SessionId id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM preparation_session s WHERE s.id = :id FOR UPDATE")
            .param("id", id.value())
            .query((rs, n) -> session(rs, steps(id.value())))
            .optional();
    }

    /** Writes a loaded session's header and its changed steps back. */
    void save(PreparationSession session) {
        boolean inProgress = session.status() == SessionStatus.IN_PROGRESS;
        jdbc.sql("""
                UPDATE preparation_session
                   SET status = :status, ended_at = :endedAt, end_reason = :reason,
                       in_progress_operator = CASE WHEN station IS NULL THEN :inProgress END,
                       in_progress_bench = CASE WHEN :ended THEN NULL ELSE in_progress_bench END,
                       tared_at = :taredAt
                 WHERE id = :id
                """)
            .param("taredAt", session.taredAt() == null ? null : utc(session.taredAt()))
            .param("status", session.status().code())
            .param("inProgress", inProgress ? session.operator() : null)
            .param("ended", !inProgress)
            .param("endedAt", session.endedAt() == null ? null : utc(session.endedAt()))
            .param("reason", session.endReason())
            .param("id", session.id().value())
            .update();
        for (Step step : session.changedSteps()) {
            jdbc.sql("""
                    UPDATE preparation_step
                       SET scanned_code = :scanned, symbology = :symbology, scanned_at = :scannedAt, lot = :lot,
                           expiry = :expiry, captured_g = :captured, is_stable = :stable, manual = :manual,
                           manual_reason = :manualReason, status = :status, failure_reason = :failure,
                           captured_at = :capturedAt, scale_id = :scale, tare_g = :tare
                     WHERE session_id = :session AND sequence_no = :sequence
                    """)
                .param("scanned", step.scannedCode())
                .param("symbology", step.symbology())
                .param("scannedAt", step.scannedAt() == null ? null : utc(step.scannedAt()))
                .param("lot", step.lot())
                .param("expiry", step.expiry())
                .param("captured", step.capturedG())
                .param("stable", step.stable())
                .param("manual", step.manual())
                .param("manualReason", step.manualReason())
                .param("status", step.status().code())
                .param("failure", step.failureReason())
                .param("capturedAt", step.capturedAt() == null ? null : utc(step.capturedAt()))
                .param("scale", step.balance())
                .param("tare", step.tareG())
                .param("session", session.id().value())
                .param("sequence", step.sequence())
                .update();
        }
    }

    /** At central: the bench a station's preparation moved to. */
    void setBench(SessionId id, String bench) {
        jdbc.sql("UPDATE preparation_session SET bench = :bench, tared_at = NULL WHERE id = :id")
            .param("bench", bench)
            .param("id", id.value())
            .update();
    }

    /** At a station: the attempt number central gave the preparation. */
    void recordCentralAttempt(SessionId id, int centralAttemptNo) {
        jdbc.sql("UPDATE preparation_session SET central_attempt_no = :no WHERE id = :id")
            .param("no", centralAttemptNo)
            .param("id", id.value())
            .update();
    }

    /**
     * At central: the largest offset seen between a station's clock and central's while
     * its preparation's events arrived.
     */
    void recordClockOffset(SessionId id, long offsetMs) {
        jdbc.sql("""
                UPDATE preparation_session SET clock_offset_ms = :offset
                 WHERE id = :id AND (clock_offset_ms IS NULL OR ABS(clock_offset_ms) < ABS(:offset))
                """).param("offset", offsetMs).param("id", id.value()).update();
    }

    /** Saves the formula's attempts as they are now: counter, failures in a row, lock. */
    void save(FormulaAttempts attempts) {
        jdbc.sql("""
                UPDATE formula_attempts SET last_attempt_no = :last, consecutive_failures = :failures,
                       locked_at = :at, locked_reason = :reason, locked_session_id = :session
                 WHERE formula_id = :f
                """)
            .param("last", attempts.lastAttemptNo())
            .param("failures", attempts.consecutiveFailures())
            .param("at", attempts.lockedAt() == null ? null : utc(attempts.lockedAt()))
            .param("reason", attempts.lockedReason())
            .param("session", attempts.lockedSessionId())
            .param("f", attempts.formulaId())
            .update();
    }

    List<FormulaLock> locks() {
        return jdbc.sql("""
                SELECT f.code, a.locked_at, a.locked_reason, a.locked_session_id
                  FROM formula_attempts a JOIN formula f ON f.id = a.formula_id
                 WHERE a.locked_at IS NOT NULL ORDER BY a.locked_at DESC
                """)
            .query((rs, n) -> new FormulaLock(rs.getString("code"), instant(rs, "locked_at"),
                    rs.getString("locked_reason"), rs.getObject("locked_session_id", UUID.class)))
            .list();
    }

    /**
     * The formula's lock, if it is locked: one look-up by key, for pages that show one
     * session.
     */
    Optional<FormulaLock> lockOf(UUID formulaId) {
        return jdbc.sql("""
                SELECT f.code, a.locked_at, a.locked_reason, a.locked_session_id
                  FROM formula_attempts a JOIN formula f ON f.id = a.formula_id
                 WHERE a.formula_id = :formula AND a.locked_at IS NOT NULL
                """)
            .param("formula", formulaId)
            .query((rs, n) -> new FormulaLock(rs.getString("code"), instant(rs, "locked_at"),
                    rs.getString("locked_reason"), rs.getObject("locked_session_id", UUID.class)))
            .optional();
    }

    Optional<SessionId> findInProgress(UUID formulaId, String operator) {
        return jdbc.sql("""
                SELECT id FROM preparation_session
                 WHERE formula_id = :formula AND in_progress_operator = :operator
                """)
            .param("formula", formulaId)
            .param("operator", operator)
            .query((rs, n) -> new SessionId(rs.getObject("id", UUID.class)))
            .optional();
    }

    /**
     * A page of the listing: the sessions the query asks for, newest first (start, then
     * id).
     */
    SessionPage page(SessionQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT %s, (SELECT COUNT(*) FROM preparation_step st
                             WHERE st.session_id = s.id AND st.status = 'ok') AS steps_done
                  FROM preparation_session s WHERE 1 = 1
                """.formatted(SESSION_COLUMNS));
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.status() != null) {
            sql.append(" AND s.status = :status");
            params.put("status", query.status().code());
        }
        if (query.formulaCode() != null) {
            sql.append(" AND s.formula_code = :formula");
            params.put("formula", query.formulaCode());
        }
        if (query.operator() != null) {
            sql.append(" AND s.operator = :operator");
            params.put("operator", query.operator());
        }
        if (query.bench() != null) {
            sql.append(" AND s.bench = :bench");
            params.put("bench", query.bench());
        }
        if (query.lot() != null || query.ingredientCode() != null) {
            // a recall: the lot as the database normalises it on both sides, so they
            // cannot disagree
            sql.append(" AND EXISTS (SELECT 1 FROM preparation_step st WHERE st.session_id = s.id");
            if (query.lot() != null) {
                sql.append(" AND st.lot_key = UPPER(TRIM(:lot))");
                params.put("lot", query.lot());
            }
            if (query.ingredientCode() != null) {
                sql.append(" AND st.ingredient_code = :ingredient");
                params.put("ingredient", query.ingredientCode());
            }
            sql.append(")");
        }
        if (query.from() != null) {
            sql.append(" AND s.started_at >= :from");
            params.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND s.started_at < :to");
            params.put("to", utc(query.to()));
        }
        if (query.after() != null) {
            // a row comparison, which both databases read as one range of the
            // (started_at, id) index
            sql.append(" AND (s.started_at, s.id) < (:afterAt, :afterId)");
            params.put("afterAt", utc(query.after().startedAt()));
            params.put("afterId", query.after().id());
        }
        sql.append(" ORDER BY s.started_at DESC, s.id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        List<SessionSummary> found = jdbc.sql(sql.toString()).params(params).query((rs, n) -> summary(rs)).list();
        if (found.size() <= query.limit()) {
            return new SessionPage(found, null);
        }
        List<SessionSummary> items = found.subList(0, query.limit());
        SessionSummary last = items.get(items.size() - 1);
        return new SessionPage(items, new SessionQuery.Cursor(last.startedAt(), last.id()));
    }

    /** The steps of these sessions, by session, in order. */
    Map<UUID, List<Step>> stepsOf(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Step>> steps = new LinkedHashMap<>();
        jdbc.sql("SELECT session_id, " + STEP_COLUMNS
                + " FROM preparation_step WHERE session_id IN (:sessions) ORDER BY session_id, sequence_no")
            .param("sessions", sessionIds)
            .query((rs, n) -> Map.entry(rs.getObject("session_id", UUID.class), step(rs)))
            .list()
            .forEach(entry -> steps.computeIfAbsent(entry.getKey(), id -> new java.util.ArrayList<>())
                .add(entry.getValue()));
        return steps;
    }

    /** The lots of an ingredient that preparations weighed, the latest used first. */
    List<LotUse> lotsOf(String ingredientCode, int limit) {
        return jdbc.sql("""
                SELECT MIN(lot) AS lot, COUNT(DISTINCT session_id) AS preparations, MAX(captured_at) AS last_used
                  FROM preparation_step
                 WHERE ingredient_code = :ingredient AND lot_key IS NOT NULL AND lot_key <> ''
                 GROUP BY lot_key ORDER BY MAX(captured_at) DESC, MIN(lot) LIMIT :limit
                """)
            .param("ingredient", ingredientCode)
            .param("limit", limit)
            .query((rs, n) -> new LotUse(rs.getString("lot"), rs.getInt("preparations"), instant(rs, "last_used")))
            .list();
    }

    /** The newest sessions of one formula version. */
    List<SessionSummary> ofVersion(UUID versionId, int limit) {
        return jdbc.sql("""
                SELECT %s, (SELECT COUNT(*) FROM preparation_step st
                             WHERE st.session_id = s.id AND st.status = 'ok') AS steps_done
                  FROM preparation_session s WHERE s.formula_version_id = :version
                 ORDER BY s.started_at DESC, s.attempt_no DESC LIMIT :limit
                """.formatted(SESSION_COLUMNS))
            .param("version", versionId)
            .param("limit", limit)
            .query((rs, n) -> summary(rs))
            .list();
    }

    int countOfVersion(UUID versionId) {
        return jdbc.sql("SELECT COUNT(*) FROM preparation_session WHERE formula_version_id = :version")
            .param("version", versionId)
            .query(Integer.class)
            .single();
    }

    /**
     * Creates the formula's attempt counter row. A concurrent creation makes this fail
     * with a duplicate key: run it in a transaction of its own and let that exception
     * leave the transaction (on PostgreSQL a failed statement aborts the whole
     * transaction).
     */
    void insertAttemptsRow(UUID formulaId) {
        jdbc.sql("INSERT INTO formula_attempts (formula_id) VALUES (:formula)").param("formula", formulaId).update();
    }

    /**
     * Reads the formula's attempts and keeps their row locked until the transaction ends.
     */
    Optional<FormulaAttempts> lockAttempts(UUID formulaId) {
        return jdbc.sql("""
                SELECT last_attempt_no, consecutive_failures, locked_at, locked_reason, locked_session_id
                  FROM formula_attempts WHERE formula_id = :formula FOR UPDATE
                """)
            .param("formula", formulaId)
            .query((rs, n) -> new FormulaAttempts(formulaId, rs.getInt("last_attempt_no"),
                    rs.getInt("consecutive_failures"), instant(rs, "locked_at"), rs.getString("locked_reason"),
                    rs.getObject("locked_session_id", UUID.class)))
            .optional();
    }

    /** The preparation in progress at the bench, if any. */
    Optional<BenchOccupied.Occupant> occupant(String bench) {
        return jdbc.sql("""
                SELECT formula_code, attempt_no, operator FROM preparation_session WHERE in_progress_bench = :bench
                """)
            .param("bench", bench)
            .query((rs, n) -> new BenchOccupied.Occupant(rs.getString(1), rs.getInt(2), rs.getString(3)))
            .optional();
    }

    /** The sessions in progress that hold a bench, with their bench. */
    Map<SessionId, String> inProgressAtBenches() {
        Map<SessionId, String> atBenches = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, in_progress_bench FROM preparation_session WHERE in_progress_bench IS NOT NULL")
            .query((rs, n) -> atBenches.put(new SessionId(rs.getObject("id", UUID.class)),
                    rs.getString("in_progress_bench")))
            .list();
        return atBenches;
    }

    /** The benches that have a preparation in progress. */
    Set<String> occupiedBenches() {
        return new HashSet<>(
                jdbc.sql("SELECT in_progress_bench FROM preparation_session WHERE in_progress_bench IS NOT NULL")
                    .query(String.class)
                    .list());
    }

    /**
     * Whether the in-progress session holds its bench (sessions from before one-per-bench
     * may not).
     */
    boolean holdsBench(SessionId id) {
        return jdbc.sql("SELECT in_progress_bench FROM preparation_session WHERE id = :id")
            .param("id", id.value())
            .query(String.class)
            .optional()
            .isPresent();
    }

    /**
     * Moves an in-progress session to a bench (which the caller made sure is free; the
     * database refuses otherwise). The vessel must be tared there again for the session:
     * a tare at the other bench does not come along.
     */
    void moveTo(SessionId id, String bench, Instant now) {
        jdbc.sql("""
                UPDATE preparation_session SET bench = :bench, in_progress_bench = :bench, tared_at = NULL
                 WHERE id = :id
                """).param("bench", bench).param("id", id.value()).update();
    }

    /** The operator's session in progress at the bench, if that is where it is. */
    Optional<SessionId> atBench(String bench, String operator) {
        return jdbc.sql("SELECT id FROM preparation_session WHERE in_progress_bench = :bench AND operator = :operator")
            .param("bench", bench)
            .param("operator", operator)
            .query(UUID.class)
            .optional()
            .map(SessionId::new);
    }

    /**
     * Stores a new session with all its steps (its attempt number taken from the
     * formula's saved attempts).
     */
    void insertNew(PreparationSession session) {
        insert(session, null, null);
    }

    /**
     * Stores central's copy of a station's preparation: it holds no operator's and no
     * bench's place here.
     */
    void insertReceived(PreparationSession session, String station, int stationAttemptNo) {
        insert(session, station, stationAttemptNo);
    }

    private void insert(PreparationSession session, String station, Integer stationAttemptNo) {
        boolean here = station == null;
        jdbc.sql("""
                INSERT INTO preparation_session (id, formula_id, formula_version_id, formula_code, formula_name,
                    version_no, attempt_no, status, operator, in_progress_operator, bench, in_progress_bench, amount,
                    unit, batch_mass_g, step_count, started_at, ended_at, end_reason, station, station_attempt_no)
                VALUES (:id, :formula, :version, :code, :name, :versionNo, :attempt, :status, :operator,
                    :inProgressOperator, :bench, :inProgressBench, :amount, :unit, :mass, :steps, :startedAt,
                    :endedAt, :reason, :station, :stationAttempt)
                """)
            .param("inProgressOperator", here ? session.operator() : null)
            .param("inProgressBench", here ? session.bench() : null)
            .param("endedAt", session.endedAt() == null ? null : utc(session.endedAt()))
            .param("reason", session.endReason())
            .param("station", station)
            .param("stationAttempt", stationAttemptNo)
            .param("id", session.id().value())
            .param("formula", session.formulaId())
            .param("version", session.formulaVersionId())
            .param("code", session.formulaCode().value())
            .param("name", session.formulaName())
            .param("versionNo", session.versionNo())
            .param("attempt", session.attemptNo())
            .param("status", session.status().code())
            .param("operator", session.operator())
            .param("bench", session.bench())
            .param("amount", session.batch().amount())
            .param("unit", session.batch().unit().symbol())
            .param("mass", session.batchMassG())
            .param("steps", session.steps().size())
            .param("startedAt", utc(session.startedAt()))
            .update();
        SqlParameterSource[] steps = session.steps()
            .stream()
            .map(step -> new MapSqlParameterSource().addValue("session", session.id().value())
                .addValue("sequence", step.sequence())
                .addValue("id", step.id())
                .addValue("ingredient", step.ingredientId())
                .addValue("code", step.ingredientCode())
                .addValue("name", step.ingredientName())
                .addValue("required", step.requiredCodeValue())
                .addValue("alternatives", String.join("\n", step.alternativeCodeValues()))
                .addValue("symbologies", step.allowedSymbologies())
                .addValue("parser", step.parser())
                .addValue("target", step.targetG())
                .addValue("minus", step.tolerance().minusG())
                .addValue("plus", step.tolerance().plusG())
                .addValue("status", step.status().code())
                .addValue("lotRequired", step.lotRequired()))
            .toArray(SqlParameterSource[]::new);
        // one round trip for all the steps
        batch.batchUpdate("""
                INSERT INTO preparation_step (session_id, sequence_no, id, ingredient_id, ingredient_code,
                    ingredient_name, required_code_value, alt_code_values, allowed_symbologies, parser,
                    target_g, tol_minus_g, tol_plus_g, status, lot_required)
                VALUES (:session, :sequence, :id, :ingredient, :code, :name, :required, :alternatives,
                    :symbologies, :parser, :target, :minus, :plus, :status, :lotRequired)
                """, steps);
    }

    private List<Step> steps(UUID sessionId) {
        return jdbc
            .sql("SELECT " + STEP_COLUMNS + " FROM preparation_step WHERE session_id = :session ORDER BY "
                    + "sequence_no")
            .param("session", sessionId)
            .query((rs, n) -> step(rs))
            .list();
    }

    private static Step step(ResultSet rs) throws SQLException {
        boolean stable = rs.getBoolean("is_stable");
        Boolean isStable = rs.wasNull() ? null : stable;
        String alternatives = rs.getString("alt_code_values");
        return new Step(rs.getObject("id", UUID.class), rs.getInt("sequence_no"),
                rs.getObject("ingredient_id", UUID.class), rs.getString("ingredient_code"),
                rs.getString("ingredient_name"), rs.getString("required_code_value"),
                alternatives.isEmpty() ? List.of() : Arrays.asList(alternatives.split("\n")),
                rs.getString("allowed_symbologies"), rs.getString("parser"), rs.getBigDecimal("target_g"),
                new Tolerance(rs.getBigDecimal("tol_minus_g"), rs.getBigDecimal("tol_plus_g")),
                rs.getString("scanned_code"), rs.getString("symbology"), instant(rs, "scanned_at"), rs.getString("lot"),
                rs.getObject("expiry", LocalDate.class), rs.getBigDecimal("captured_g"), isStable,
                rs.getBoolean("manual"), rs.getString("manual_reason"), StepStatus.fromCode(rs.getString("status")),
                rs.getString("failure_reason"), instant(rs, "captured_at"), rs.getString("scale_id"),
                rs.getBigDecimal("tare_g"), rs.getBoolean("lot_required"));
    }

    private static PreparationSession session(ResultSet rs, List<Step> steps) throws SQLException {
        return new PreparationSession(new SessionId(rs.getObject("id", UUID.class)),
                rs.getObject("formula_id", UUID.class), rs.getObject("formula_version_id", UUID.class),
                new FormulaCode(rs.getString("formula_code")), rs.getString("formula_name"), rs.getInt("version_no"),
                rs.getInt("attempt_no"), status(rs), rs.getString("operator"), rs.getString("bench"), batch(rs),
                rs.getBigDecimal("batch_mass_g"), instant(rs, "started_at"), instant(rs, "ended_at"),
                rs.getString("end_reason"), new ArrayList<>(steps))
            .withTaredAt(instant(rs, "tared_at"))
            .withOrigin(origin(rs));
    }

    private static PreparationSession.Origin origin(ResultSet rs) throws SQLException {
        int stationAttempt = rs.getInt("station_attempt_no");
        Integer stationAttemptNo = rs.wasNull() ? null : stationAttempt;
        int centralAttempt = rs.getInt("central_attempt_no");
        Integer centralAttemptNo = rs.wasNull() ? null : centralAttempt;
        long offset = rs.getLong("clock_offset_ms");
        Long clockOffset = rs.wasNull() ? null : offset;
        return new PreparationSession.Origin(rs.getString("station"), stationAttemptNo, centralAttemptNo, clockOffset);
    }

    private static SessionSummary summary(ResultSet rs) throws SQLException {
        return new SessionSummary(rs.getObject("id", UUID.class), rs.getString("formula_code"),
                rs.getString("formula_name"), rs.getInt("version_no"), rs.getInt("attempt_no"), status(rs),
                rs.getString("operator"), rs.getString("bench"), batch(rs), rs.getInt("step_count"),
                rs.getInt("steps_done"), instant(rs, "started_at"), instant(rs, "ended_at"));
    }

    private static SessionStatus status(ResultSet rs) throws SQLException {
        String code = rs.getString("status");
        return SessionStatus.fromCode(code)
            .orElseThrow(() -> new IllegalStateException("Unknown session status: " + code));
    }

    private static BatchSize batch(ResultSet rs) throws SQLException {
        String unit = rs.getString("unit");
        return new BatchSize(rs.getBigDecimal("amount"),
                BatchUnit.fromSymbol(unit).orElseThrow(() -> new IllegalStateException("Unknown batch unit: " + unit)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
