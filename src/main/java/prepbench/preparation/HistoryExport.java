package prepbench.preparation;

import static prepbench.entry.SpreadsheetCells.protect;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import prepbench.entry.Words;

/**
 * The history as CSV for a spreadsheet: every session a listing finds (not one page), or
 * every step of those sessions, written a page at a time so that a long history never
 * sits in memory. Texts a spreadsheet would run as a formula are protected (a leading
 * apostrophe), as in the formula and audit exports. The header row names the columns in
 * the reader's language; the cells hold the values as the API gives them (codes, ISO
 * times, plain numbers), for a spreadsheet to compute with.
 */
@Service
public class HistoryExport {

    /** The most sessions one export holds. */
    public static final int MAX_SESSIONS = 100_000;

    /**
     * The columns of a row per session; the header row names them in the reader's
     * language.
     */
    static final List<String> SESSION_HEADER = List.of("preparation_id", "formula_code", "formula_name", "version_no",
            "attempt_no", "status", "operator", "bench", "batch_amount", "batch_unit", "steps_done", "step_count",
            "started_at", "ended_at");

    /** The columns of a row per step. */
    static final List<String> STEP_HEADER = List.of("preparation_id", "formula_code", "attempt_no",
            "preparation_status", "operator", "bench", "started_at", "step", "ingredient_code", "ingredient_name",
            "lot", "expiry", "target_g", "min_g", "max_g", "weight_g", "manual", "manual_reason", "balance",
            "captured_at", "step_status");

    private static final int PAGE = 500;

    private final PreparationManagement preparations;

    HistoryExport(PreparationManagement preparations) {
        this.preparations = preparations;
    }

    /** What one row of the file is. */
    public enum Rows {

        SESSIONS, STEPS

    }

    /**
     * Writes the sessions the query finds, newest first, or their steps, as CSV with a
     * header row in the request's language (the reader's choice on a page,
     * {@code Accept-Language} in the API).
     */
    public void write(SessionQuery query, Rows rows, Writer out) throws IOException {
        write(query, rows, out, Words.of(LocaleContextHolder.getLocale()));
    }

    /**
     * Writes the sessions the query finds, newest first, or their steps, as CSV with a
     * header row in the words' language.
     */
    public void write(SessionQuery query, Rows rows, Writer out, Words words) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord((rows == Rows.SESSIONS ? SESSION_HEADER : STEP_HEADER).stream()
            .map(column -> words.t("history.csv." + column))
            .toList());
        SessionQuery page = query.limit(PAGE).after(null);
        int written = 0;
        while (written < MAX_SESSIONS) {
            SessionPage found = preparations.list(page);
            List<SessionSummary> sessions = found.items()
                .subList(0, Math.min(found.items().size(), MAX_SESSIONS - written));
            if (rows == Rows.SESSIONS) {
                for (SessionSummary session : sessions) {
                    csv.printRecord(session.id(), session.formulaCode(), protect(session.formulaName()),
                            session.versionNo(), session.attemptNo(), session.status().code(),
                            protect(session.operator()), protect(session.bench()), plain(session.batch().amount()),
                            session.batch().unit().symbol(), session.stepsDone(), session.stepCount(),
                            session.startedAt(), session.endedAt());
                }
            }
            else {
                Map<UUID, List<Step>> steps = preparations.stepsOf(sessions.stream().map(SessionSummary::id).toList());
                for (SessionSummary session : sessions) {
                    for (Step step : steps.getOrDefault(session.id(), List.of())) {
                        csv.printRecord(session.id(), session.formulaCode(), session.attemptNo(),
                                session.status().code(), protect(session.operator()), protect(session.bench()),
                                session.startedAt(), step.sequence(), step.ingredientCode(),
                                protect(step.ingredientName()), protect(step.lot()), step.expiry(),
                                plain(step.targetG()), plain(step.lowerLimitG()), plain(step.upperLimitG()),
                                plain(step.capturedG()), step.manual(), protect(step.manualReason()),
                                protect(step.balance()), step.capturedAt(), step.status().code());
                    }
                }
            }
            written += sessions.size();
            if (found.next() == null) {
                break;
            }
            page = page.after(found.next());
        }
        csv.flush();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

}
