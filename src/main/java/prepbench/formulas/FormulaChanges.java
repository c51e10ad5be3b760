package prepbench.formulas;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import prepbench.access.Actor;
import prepbench.catalog.CatalogRefused;
import prepbench.catalog.CatalogChanged;

/**
 * What the audit trail says about each change to a formula, in one place: the action's
 * name and the details it keeps. {@link FormulaManagement} and {@link FormulaImport} say
 * what happened; this says it for the record. The audit module records each event in the
 * formula's chain, in the transaction that made the change.
 */
@Component
class FormulaChanges {

    private final ApplicationEventPublisher events;

    FormulaChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    void created(Instant at, Actor editor, FormulaCode code, String name, BigDecimal batchAmount, BatchUnit unit) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("versionNo", 1);
        details.put("name", name);
        details.put("batch", batchAmount.toPlainString() + " " + unit.symbol());
        publish(at, editor, code, "FORMULA_CREATED", details);
    }

    void imported(Instant at, Actor editor, FormulaCode code, NewDraft draft, int versionNo, String format,
            String encoding) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("versionNo", versionNo);
        details.put("format", format);
        details.put("encoding", encoding);
        details.put("name", draft.name());
        details.put("batch", draft.batchAmount().toPlainString() + " " + draft.batchUnit().symbol());
        details.put("lines",
                draft.lines()
                    .stream()
                    .map(line -> line.ingredientCode() + " " + percent(line.fraction()) + " %")
                    .toList());
        publish(at, editor, code, "FORMULA_IMPORTED", details);
    }

    void draftOpened(Instant at, Actor editor, FormulaCode code, int versionNo, int copiedFrom) {
        publish(at, editor, code, "DRAFT_OPENED", Map.of("versionNo", versionNo, "copiedFrom", copiedFrom));
    }

    /** Each field that changed, old and new; nothing when the save changed nothing. */
    void draftSaved(Instant at, Actor editor, FormulaCode code, FormulaVersion before, FormulaVersion after) {
        Map<String, Object> changes = CatalogChanged.differences(before.recordedDescription(),
                after.recordedDescription());
        if (!changes.isEmpty()) {
            changes.put("versionNo", before.versionNo());
            publish(at, editor, code, "DRAFT_SAVED", changes);
        }
    }

    void draftDiscarded(Instant at, Actor editor, FormulaCode code, FormulaVersion draft) {
        Map<String, Object> details = new LinkedHashMap<>(draft.recordedDescription());
        details.put("versionNo", draft.versionNo());
        publish(at, editor, code, "DRAFT_DISCARDED", details);
    }

    void released(Instant at, Actor editor, FormulaCode code, FormulaVersion draft, String meaning) {
        Map<String, Object> details = new LinkedHashMap<>(draft.recordedDescription());
        details.put("versionNo", draft.versionNo());
        details.put("signedBy", editor.username());
        details.put("meaning", meaning);
        publish(at, editor, code, "VERSION_RELEASED", details);
    }

    void releaseRefused(Instant at, Actor editor, FormulaCode code, int versionNo, RuntimeException refused) {
        publish(at, editor, code, "RELEASE_REFUSED",
                Map.of("versionNo", versionNo, "rule",
                        refused instanceof CatalogRefused rule ? rule.reason().name() : "NOT_PERMITTED", "reason",
                        refused.getMessage()));
    }

    void retired(Instant at, Actor editor, FormulaCode code, int versionNo, String reason) {
        publish(at, editor, code, "VERSION_RETIRED", Map.of("versionNo", versionNo, "reason", reason));
    }

    void retireRefused(Instant at, Actor editor, FormulaCode code, int versionNo, RuntimeException refused) {
        publish(at, editor, code, "RETIRE_REFUSED", Map.of("versionNo", versionNo, "reason", refused.getMessage()));
    }

    /** A fraction in percent, without trailing zeros. */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    void testDefined(Instant at, Actor editor, FormulaCode code, String name, int delayHours) {
        publish(at, editor, code, "TEST_DEFINED", Map.of("test", name, "delayHours", delayHours));
    }

    void testRemoved(Instant at, Actor editor, FormulaCode code, String name) {
        publish(at, editor, code, "TEST_REMOVED", Map.of("test", name));
    }

    /**
     * A version the demo data wrote, with its status and content; no one signed a demo
     * release.
     */
    void demoVersionWritten(Instant at, String writer, FormulaVersion version) {
        Map<String, Object> details = new LinkedHashMap<>(version.recordedDescription());
        details.put("versionNo", version.versionNo());
        details.put("status", version.status().code());
        events.publishEvent(new CatalogChanged(at, writer, CatalogChanged.FORMULA, version.code().value(),
                "DEMO_VERSION_WRITTEN", details));
    }

    private void publish(Instant at, Actor editor, FormulaCode code, String action, Map<String, Object> details) {
        events.publishEvent(
                new CatalogChanged(at, editor.username(), CatalogChanged.FORMULA, code.value(), action, details));
    }

}
