package prepbench.ui;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.samples.Sample;
import prepbench.samples.SampleNotFound;
import prepbench.samples.SampleRefused;
import prepbench.samples.SampleRegister;

/**
 * A sample's page ({@code /samples/CODE}, where its label {@code S:CODE} leads): what its
 * preparation produced, its label to print, and its tests after preparation, with a form
 * for each open one's result.
 */
@Controller
class SamplePages {

    private final SampleRegister samples;

    private final Clock clock;

    SamplePages(SampleRegister samples, Clock clock) {
        this.samples = samples;
        this.clock = clock;
    }

    @GetMapping("/samples/{code}")
    String showSample(@PathVariable String code, @RequestParam(required = false) String recorded, Actor reader,
            Model model, HttpServletRequest request) {
        return page(model, find(code), reader,
                recorded == null ? null : Languages.words(request).t("sample.recorded", recorded), false);
    }

    @PostMapping("/samples/{code}/tests/{test}/result")
    Object recordResult(@PathVariable String code, @PathVariable UUID test,
            @RequestParam(defaultValue = "") String result, @RequestParam(defaultValue = "") String value,
            @RequestParam(defaultValue = "") String note, Actor person, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            Sample sample = samples.recordResult(person, code, test, result, value, note);
            String name = sample.tests()
                .stream()
                .filter(candidate -> candidate.id().equals(test))
                .map(Sample.Test::name)
                .findFirst()
                .orElse(Languages.words(request).t("sample.the-test"));
            return Redirects.seeOther("/samples/" + sample.code() + "?recorded="
                    + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (SampleRefused refused) {
            response.setStatus(422);
            return page(model, find(code), person, Languages.words(request).message(refused), true);
        }
    }

    /** A sample label opens the sample's page. */
    @GetMapping("/s/{code}")
    View showSampleByPath(@PathVariable String code) {
        return Redirects.seeOther("/samples/" + find(code).code());
    }

    @GetMapping("/samples")
    View showSampleByCode(@RequestParam(defaultValue = "") String code) {
        return Redirects.seeOther("/samples/" + find(code).code());
    }

    private Sample find(String code) {
        return samples.byCode(code).orElseThrow(() -> new SampleNotFound(code));
    }

    private String page(Model model, Sample sample, Actor reader, String message, boolean refused) {
        model.addAttribute("page",
                new SamplePage(sample, clock.instant(), reader.may(Permission.RECORD_TEST_RESULT), message, refused));
        return "sample";
    }

}
