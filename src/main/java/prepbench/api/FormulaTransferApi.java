package prepbench.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.transfer.FileFormat;
import prepbench.transfer.FileProblem;
import prepbench.transfer.FormulaTransfer;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.VersionStatus;
import prepbench.formulas.FormulaImport;

/** Formula import (the file as the request body) and export. */
@RestController
@RequestMapping("/api/v1/formulas")
class FormulaTransferApi {

    /**
     * Read no further than this: the importer answers anything above 2 MB with its own
     * message.
     */
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final FormulaTransfer transfer;

    FormulaTransferApi(FormulaTransfer transfer) {
        this.transfer = transfer;
    }

    /**
     * Imports the body, CSV or JSON ({@code format}, else the Content-Type): 201 with the
     * drafts created, or 422 with every problem and nothing imported.
     */
    @Operation(summary = "Imports a CSV or JSON file of formulas as drafts, all or nothing (lab lead, admin)")
    @PostMapping("/import")
    ResponseEntity<?> importFile(@RequestParam(defaultValue = "") String format,
            @RequestHeader(name = "Content-Type", defaultValue = "") String contentType, InputStream body, Actor editor)
            throws IOException {
        FileFormat fileFormat = FileFormat.fromName(format)
            .orElseGet(() -> contentType.contains("json") ? FileFormat.JSON
                    : contentType.contains("csv") ? FileFormat.CSV : null);
        if (fileFormat == null) {
            throw new BadRequest(prepbench.entry.Text.of("entry.api.which-format", "?format=csv", "?format=json",
                    "Content-Type", "text/csv", "application/json"));
        }
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            return refused(HttpStatus.CONTENT_TOO_LARGE, List.of(new FileProblem(0, "",
                    "The file is larger than 16 MB; a file can be at most 2 MB. Split it and import the parts.")), "");
        }
        FormulaTransfer.ImportReport report = transfer.importFile(editor, fileFormat, bytes);
        if (!report.ok()) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, report.problems(), report.encoding());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(new ImportDto(report.problems(), report.imported(), report.encoding()));
    }

    /**
     * A refused import as a ProblemDetail that lists every problem with its row and
     * field; nothing was imported.
     */
    private static ResponseEntity<ProblemDetail> refused(HttpStatus status, List<FileProblem> problems,
            String encoding) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "Nothing was imported: " + problems.size()
                        + (problems.size() == 1 ? " problem, listed" : " problems, listed")
                        + " in problems with their row " + "and field. Correct the file and import it again.");
        problem.setProperty("problems", problems);
        problem.setProperty("imported", List.of());
        problem.setProperty("encoding", encoding);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record ImportDto(List<FileProblem> problems, List<FormulaImport.Imported> imported, String encoding) {
    }

    /**
     * {@code format} csv or json, {@code status} released (default) or draft, optionally
     * one {@code code}.
     */
    @Operation(summary = "Exports formulas as CSV or JSON")
    @GetMapping(path = "/export", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
    ResponseEntity<byte[]> exportFormulas(@RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "released") String status, @RequestParam(defaultValue = "") String code) {
        FileFormat fileFormat = FileFormat.fromName(format)
            .orElseThrow(() -> new BadRequest(prepbench.entry.Text.of("entry.api.one-of", "format", "csv", "json")));
        boolean draft = status.equalsIgnoreCase("draft");
        if (!draft && !status.equalsIgnoreCase("released")) {
            throw new BadRequest(prepbench.entry.Text.of("entry.api.one-of", "status", "released", "draft"));
        }
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(fileFormat.mediaType() + ";charset=UTF-8"))
            .body(transfer.export(fileFormat,
                    draft ? prepbench.formulas.VersionStatus.DRAFT : prepbench.formulas.VersionStatus.RELEASED,
                    code.isBlank() ? java.util.Optional.empty()
                            : java.util.Optional.of(prepbench.formulas.FormulaCode.of(code))));
    }

}
