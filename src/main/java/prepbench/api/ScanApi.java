package prepbench.api;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import prepbench.entry.Words;
import prepbench.scanning.ScanDecoder;
import prepbench.scanning.ScanResult;

@RestController
@RequestMapping("/api/v1/scan")
class ScanApi {

    /**
     * What a scanned text means and where it leads. An unrecognised scan is an answer,
     * not an error: {@code type} is {@code unrecognised} and {@code message} says what to
     * scan instead.
     *
     * @param type formula, preparation, sample or unrecognised
     * @param value the formula code, preparation id or sample code; null when
     * unrecognised
     * @param target the page the scan opens; null when there is none
     */
    record Resolution(String type, String value, String target, String message) {
    }

    @Operation(summary = "What a scanned text means and which page it opens")
    @GetMapping("/resolve")
    Resolution resolveScan(@RequestParam(name = "raw", defaultValue = "") String raw) {
        ScanResult result = ScanDecoder.decode(raw);
        if (result instanceof ScanResult.FormulaScan formula) {
            return new Resolution(result.type(), formula.code().value(), result.page().orElseThrow(), null);
        }
        if (result instanceof ScanResult.PreparationScan preparation) {
            return new Resolution(result.type(), preparation.id().toString(), result.page().orElseThrow(), null);
        }
        if (result instanceof ScanResult.SampleScan sample) {
            return new Resolution(result.type(), sample.sampleCode(), result.page().orElseThrow(), null);
        }
        ScanResult.Unrecognised unrecognised = (ScanResult.Unrecognised) result;
        return new Resolution(result.type(), null, null,
                Words.of(LocaleContextHolder.getLocale()).text(unrecognised.text()));
    }

}
