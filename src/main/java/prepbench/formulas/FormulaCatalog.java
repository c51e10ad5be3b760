package prepbench.formulas;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The formulas a lab can prepare: look-up by code, search, and suggestions for a mistyped
 * code.
 */
@Service
@Transactional(readOnly = true)
public class FormulaCatalog {

    private static final int MAX_SUGGESTIONS = 5;

    private static final LevenshteinDistance CLOSE = new LevenshteinDistance(2);

    private final Formulas formulas;

    private final FormulaTests tests;

    FormulaCatalog(Formulas formulas, FormulaTests tests) {
        this.formulas = formulas;
        this.tests = tests;
    }

    /**
     * The tests after preparation in force for the formula, by name: what a completed
     * preparation schedules.
     */
    public List<FormulaTest> testsOf(java.util.UUID formulaId) {
        return tests.inForce(formulaId);
    }

    /** The formula with this code, released or not. */
    public FormulaSummary get(FormulaCode code) {
        return formulas.findSummary(code).orElseThrow(() -> FormulaNotFound.forCode(code));
    }

    /**
     * The released version preparations of this formula use now.
     * @throws FormulaNotFound when no formula has the code
     * @throws NoReleasedVersion when the formula has no released version
     */
    public ReleasedFormula released(FormulaCode code) {
        return formulas.findReleased(code).orElseThrow(() -> {
            get(code);
            return NoReleasedVersion.of(code);
        });
    }

    /**
     * A version preparations used, released or retired since (issue 18: a station's
     * preparation, as central checks it).
     *
     * @param retiredAt when the version was retired; null while it is released
     */
    public record PreparedVersion(ReleasedFormula formula, java.time.Instant retiredAt, String retiredReason) {
    }

    /**
     * The released or retired version of the formula with that number, if there is one.
     */
    public Optional<PreparedVersion> prepared(FormulaCode code, int versionNo) {
        return formulas.findPrepared(code, versionNo);
    }

    /**
     * Formulas whose code or name contains the text, by code; all formulas for blank
     * text.
     */
    public List<FormulaSummary> search(String text, int limit) {
        return formulas.search(text == null ? "" : text.strip(), Math.max(1, Math.min(limit, 500)));
    }

    /**
     * Known codes that look like what was typed: within two edits, or sharing its start.
     */
    public List<FormulaCode> closeMatches(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 64) {
            return List.of();
        }
        String wanted = typed.strip().toUpperCase(Locale.ROOT);
        record Scored(String code, int distance) {
        }
        return formulas.allCodes()
            .stream()
            .map(code -> new Scored(code, distance(wanted, code)))
            .filter(scored -> scored.distance() >= 0)
            .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::code))
            .limit(MAX_SUGGESTIONS)
            .map(scored -> new FormulaCode(scored.code()))
            .toList();
    }

    private static int distance(String wanted, String code) {
        int edits = CLOSE.apply(wanted, code);
        if (edits >= 0) {
            return edits;
        }
        boolean sharesStart = wanted.length() >= 3 && (code.startsWith(wanted) || wanted.startsWith(code));
        return sharesStart ? 3 : -1;
    }

    /** Whether a formula with this code exists. */
    public Optional<FormulaSummary> find(FormulaCode code) {
        return formulas.findSummary(code);
    }

}
