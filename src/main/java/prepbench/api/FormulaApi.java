package prepbench.api;

import java.time.Instant;

import java.util.UUID;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.formulas.DraftEntry;
import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaManagement;
import prepbench.formulas.FormulaTest;
import prepbench.formulas.FormulaSummary;
import prepbench.formulas.FormulaVersion;

@RestController
@RequestMapping("/api/v1/formulas")
class FormulaApi {

    private final FormulaCatalog catalog;

    private final FormulaManagement formulas;

    FormulaApi(FormulaCatalog catalog, FormulaManagement formulas) {
        this.catalog = catalog;
        this.formulas = formulas;
    }

    @Operation(summary = "Formulas whose code or name contains the text")
    @GetMapping
    List<FormulaDto> searchFormulas(@RequestParam(name = "q", defaultValue = "") String text,
            @RequestParam(defaultValue = "100") int limit) {
        return catalog.search(text, limit).stream().map(FormulaDto::summary).toList();
    }

    /** Creates a formula with an empty draft version 1. */
    @Operation(summary = "Creates a formula with an empty draft version 1 (lab lead, admin)")
    @PostMapping
    ResponseEntity<VersionDto> createFormula(@RequestBody NewFormula body, Actor editor) {
        FormulaVersion created = formulas.create(editor, body.code(), body.name(), body.batchAmount(),
                body.batchUnit());
        return ResponseEntity.created(URI.create("/api/v1/formulas/" + created.code().value() + "/versions"))
            .body(VersionDto.of(created));
    }

    record NewFormula(String code, String name, String batchAmount, String batchUnit) {
    }

    @Operation(summary = "Every version of a formula, newest first")
    @GetMapping("/{code}/versions")
    List<VersionDto> listVersions(@PathVariable String code) {
        return formulas.versions(FormulaCode.of(code)).stream().map(VersionDto::of).toList();
    }

    /**
     * Opens the formula's draft: the open one, or a new version copied from the newest.
     */
    @Operation(summary = "The formula's open draft, or a new one copied from its newest version (lab lead, admin)")
    @PostMapping("/{code}/draft")
    VersionDto openDraft(@PathVariable String code, Actor editor) {
        return VersionDto.of(formulas.openDraft(editor, FormulaCode.of(code)));
    }

    /**
     * Saves the draft; the body's revision must be the draft's current one, or the save
     * is refused (409).
     */
    @Operation(summary = "Saves the draft, if nobody saved it since the given revision (lab lead, admin)")
    @PutMapping("/{code}/draft")
    VersionDto saveDraft(@PathVariable String code, @RequestBody DraftEntry entry, Actor editor) {
        return VersionDto.of(formulas.saveDraft(editor, FormulaCode.of(code), entry));
    }

    @Operation(summary = "Discards the open draft (lab lead, admin)")
    @DeleteMapping("/{code}/draft")
    ResponseEntity<Void> discardDraft(@PathVariable String code, @RequestParam int revision, Actor editor) {
        formulas.discardDraft(editor, FormulaCode.of(code), revision);
        return ResponseEntity.noContent().build();
    }

    /**
     * Releases a draft with the lab lead's signature: {@code {revision, password,
     * meaning}}.
     */
    @Operation(summary = "Releases a draft with the lab lead's electronic signature (lab lead)")
    @PostMapping("/{code}/versions/{versionNo}/release")
    VersionDto releaseVersion(@PathVariable String code, @PathVariable int versionNo, @RequestBody Signature body,
            Actor editor) {
        return VersionDto.of(formulas.release(editor, FormulaCode.of(code), versionNo,
                body.revision() == null ? -1 : body.revision(), body.password(),
                FormulaManagement.RELEASE_MEANING.equals(body.meaning())));
    }

    record Signature(Integer revision, String password, String meaning) {
    }

    @Operation(summary = "Retires the released version (lab lead, admin)")
    @PostMapping("/{code}/versions/{versionNo}/retire")
    VersionDto retireVersion(@PathVariable String code, @PathVariable int versionNo, @RequestBody Reason body,
            Actor editor) {
        return VersionDto.of(formulas.retire(editor, FormulaCode.of(code), versionNo, body.reason()));
    }

    record Reason(String reason) {
    }

    @Operation(summary = "A formula with its released version's lines")
    @GetMapping("/{code}")
    FormulaDto showFormula(@PathVariable String code) {
        FormulaSummary formula = catalog.get(FormulaCode.of(code));
        return formula.isReleased() ? FormulaDto.released(catalog.released(formula.code()))
                : FormulaDto.summary(formula);
    }

    record TestDto(UUID id, String name, int delayHours, String delay, Instant createdAt, String createdBy) {

        static TestDto of(FormulaTest test) {
            return new TestDto(test.id(), test.name(), test.delayHours(), test.delayWords(), test.createdAt(),
                    test.createdBy());
        }
    }

    /**
     * @param unit {@code hours} (the default) or {@code days}
     */
    record NewTest(String name, String delay, String unit) {
    }

    @Operation(summary = "The formula's tests after preparation in force")
    @GetMapping("/{code}/tests")
    List<TestDto> listTests(@PathVariable String code) {
        return formulas.tests(FormulaCode.of(code)).stream().map(TestDto::of).toList();
    }

    @Operation(summary = "Adds a test each completed preparation schedules on its sample, due the delay after "
            + "completion (lab lead, admin)")
    @PostMapping("/{code}/tests")
    ResponseEntity<TestDto> defineTest(@PathVariable String code, @RequestBody NewTest body, Actor editor) {
        FormulaTest test = formulas.defineTest(editor, FormulaCode.of(code), body.name(), body.delay(), body.unit());
        return ResponseEntity.status(HttpStatus.CREATED).body(TestDto.of(test));
    }

    @Operation(summary = "Removes a test: preparations completed from now on no longer schedule it (lab lead, admin)")
    @DeleteMapping("/{code}/tests/{test}")
    ResponseEntity<Void> removeTest(@PathVariable String code, @PathVariable UUID test, Actor editor) {
        formulas.removeTest(editor, FormulaCode.of(code), test);
        return ResponseEntity.noContent().build();
    }

}
