package prepbench.ui;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import prepbench.access.Actor;
import prepbench.entry.Text;
import prepbench.transfer.FileFormat;
import prepbench.transfer.FileProblem;
import prepbench.formulas.FormulaCode;
import prepbench.transfer.FormulaTransfer;
import prepbench.formulas.VersionStatus;

/**
 * Importing formulas from a CSV or JSON file (all or nothing, with a report), and
 * exporting them.
 */
@Controller
class FormulaTransferPages {

    private final FormulaTransfer transfer;

    FormulaTransferPages(FormulaTransfer transfer) {
        this.transfer = transfer;
    }

    @GetMapping("/formulas/import")
    String importForm(Model model) {
        model.addAttribute("report", null);
        model.addAttribute("fileName", "");
        return "formula-import";
    }

    @PostMapping("/formulas/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Actor editor, Model model,
            HttpServletResponse response) throws IOException {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        if (file == null || file.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("report", failed(Text.of("catalog.import.choose-file", ".csv", ".json")));
            return "formula-import";
        }
        Optional<FileFormat> format = FileFormat
            .fromName(name.contains(".") ? name.substring(name.lastIndexOf('.')) : "");
        if (format.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("report",
                    failed(Text.of("catalog.import.neither", ErrorPage.echo(name), ".csv", ".json", "CSV UTF-8")));
            return "formula-import";
        }
        FormulaTransfer.ImportReport report = transfer.importFile(editor, format.get(), file.getBytes());
        if (!report.ok()) {
            response.setStatus(422);
        }
        model.addAttribute("report", report);
        return "formula-import";
    }

    private static FormulaTransfer.ImportReport failed(Text message) {
        return new FormulaTransfer.ImportReport(java.util.List.of(new FileProblem(0, "", message)), java.util.List.of(),
                "");
    }

    /**
     * Downloads formulas: {@code format} json or else csv, {@code status} draft or else
     * released, optionally one {@code code}.
     */
    @GetMapping("/formulas/export")
    ResponseEntity<byte[]> exportFormulas(@RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "released") String status, @RequestParam(defaultValue = "") String code) {
        FileFormat fileFormat = FileFormat.fromName(format).orElse(FileFormat.CSV);
        VersionStatus versionStatus = status.equalsIgnoreCase("draft") ? VersionStatus.DRAFT : VersionStatus.RELEASED;
        Optional<FormulaCode> only = code.isBlank() ? Optional.empty() : Optional.of(FormulaCode.of(code));
        String fileName = "formulas-" + versionStatus.code() + only.map(c -> "-" + c.value()).orElse("") + "."
                + fileFormat.extension();
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(fileFormat.mediaType() + ";charset=UTF-8"))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString())
            .body(transfer.export(fileFormat, versionStatus, only));
    }

}
