package prepbench.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import prepbench.access.Actor;
import prepbench.entry.Limits;
import prepbench.entry.Text;
import prepbench.entry.Words;
import prepbench.access.NotPermitted;
import prepbench.access.Permission;
import prepbench.formulas.FormulaCode;
import prepbench.preparation.ActionRefused;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.SessionId;
import prepbench.scales.BenchManagement;
import prepbench.scales.Grams;
import prepbench.scales.Reading;

/**
 * The weighing actions of the preparation page. With htmx each answers the session's body
 * fragment with a message; without JavaScript each answers 303 back to the page, the
 * message carried over.
 */
@Controller
class WeighingPages {

    private static final BigDecimal DEMO_CONTAINER_G = new BigDecimal("52.317");

    private static final Set<String> PRESETS = Set.of("empty", "container", "pour", "over", "draught", "offline");

    private final PreparationManagement preparations;

    private final PreparationViews views;

    private final BenchManagement benches;

    WeighingPages(PreparationManagement preparations, PreparationViews views, BenchManagement benches) {
        this.preparations = preparations;
        this.views = views;
        this.benches = benches;
    }

    @PostMapping("/preparations/{id}/steps/{sequence}/scan")
    Object scanContainer(@PathVariable String id, @PathVariable int sequence,
            @RequestParam(defaultValue = "") String code, Actor operator,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        SessionId session = SessionId.parse(id);
        return answer("scan", session, operator, htmx, flash, request, done -> Text.of("bench.done.scan"),
                () -> preparations.scanContainer(session, sequence, code, operator));
    }

    @PostMapping("/preparations/{id}/steps/{sequence}/capture")
    Object captureWeight(@PathVariable String id, @PathVariable int sequence,
            @RequestParam(defaultValue = "false") boolean confirmOverTarget, Actor operator,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        SessionId session = SessionId.parse(id);
        return answer("capture", session, operator, htmx, flash, request, captured(sequence),
                () -> preparations.captureWeight(session, sequence, confirmOverTarget, operator));
    }

    @PostMapping("/preparations/{id}/steps/{sequence}/manual")
    Object enterWeight(@PathVariable String id, @PathVariable int sequence,
            @RequestParam(defaultValue = "") String grams, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "false") boolean meaning,
            Actor operator, @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        SessionId session = SessionId.parse(id);
        return answer("manual", session, operator, htmx, flash, request, captured(sequence), () -> preparations
            .enterWeightManually(session, sequence, Grams.parse(grams), reason, password, meaning, operator));
    }

    @PostMapping("/preparations/{id}/steps/{sequence}/lot")
    Object enterLot(@PathVariable String id, @PathVariable int sequence, @RequestParam(defaultValue = "") String lot,
            @RequestParam(defaultValue = "") String expiry, Actor operator,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        SessionId session = SessionId.parse(id);
        return answer("lot", session, operator, htmx, flash, request, done -> Text.of("bench.done.lot", lot.strip()),
                () -> preparations.enterLot(session, sequence, lot, expiry, operator));
    }

    @PostMapping("/preparations/{id}/abort")
    Object abort(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Actor operator,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        SessionId session = SessionId.parse(id);
        return answer("abort", session, operator, htmx, flash, request, done -> Text.of("bench.done.abort"),
                () -> preparations.abort(session, reason, operator));
    }

    @PostMapping("/preparations/{id}/tare")
    Object tare(@PathVariable String id, Actor operator,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        SessionId session = SessionId.parse(id);
        return answer("tare", session, operator, htmx, flash, request, done -> Text.of("bench.done.tare"),
                () -> preparations.tareBalance(session, operator));
    }

    @PostMapping("/preparations/{id}/zero")
    Object zero(@PathVariable String id, Actor operator,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        SessionId session = SessionId.parse(id);
        return answer("zero", session, operator, htmx, flash, request, done -> Text.of("bench.done.zero"),
                () -> preparations.zeroBalance(session, operator));
    }

    /**
     * The demo panel: drives the session's simulated balance with a few presets a person
     * would do by hand.
     */
    @PostMapping("/preparations/{id}/simulate")
    Object simulate(@PathVariable String id, @RequestParam(defaultValue = "") String preset, Actor operator,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        SessionId session = SessionId.parse(id);
        operator.require(Permission.PREPARE);
        if (!PRESETS.contains(preset)) {
            return Redirects.seeOther("/preparations/" + session);
        }
        return answer("simulate", session, operator, htmx, flash, request, done -> null, () -> {
            PreparationSession current = preparations.get(session);
            String bench = current.bench();
            var settings = benches.simulate(bench, null, null, null, null);
            Reading reading = benches.reading(bench);
            BigDecimal net = reading.grams() == null ? BigDecimal.ZERO : reading.grams();
            BigDecimal target = current.activeStep().map(step -> step.targetG()).orElse(BigDecimal.ZERO);
            BigDecimal upper = current.activeStep().map(step -> step.upperLimitG()).orElse(BigDecimal.ZERO);
            switch (preset) {
                case "empty" ->
                    benches.simulate(bench, BigDecimal.ZERO, Duration.ofMillis(300), BigDecimal.ZERO, false);
                case "container" -> benches.simulate(bench, DEMO_CONTAINER_G, null, BigDecimal.ZERO, false);
                case "pour" -> benches.simulate(bench, settings.targetGrossG().add(target.subtract(net)), null,
                        BigDecimal.ZERO, false);
                case "over" -> benches.simulate(bench,
                        settings.targetGrossG()
                            .add(upper.multiply(new BigDecimal("1.1"))
                                .setScale(3, RoundingMode.HALF_UP)
                                .add(new BigDecimal("0.05"))
                                .subtract(net)),
                        null, BigDecimal.ZERO, false);
                case "draught" ->
                    benches.simulate(bench, settings.targetGrossG(), Duration.ZERO, new BigDecimal("0.05"), false);
                default -> benches.simulate(bench, null, null, null, !settings.offline());
            }
            return current;
        });
    }

    @PostMapping("/formulas/{code}/release-lock")
    Object releaseLock(@PathVariable String code, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String session,
            Actor operator, @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes flash,
            HttpServletRequest request) {
        Words words = Languages.words(request);
        FormulaCode formula = FormulaCode.of(code);
        String back = session == null ? "/" : "/preparations/" + SessionId.parse(session);
        String message;
        boolean released = false;
        HttpStatus status = HttpStatus.OK;
        try {
            preparations.releaseLock(formula, operator, password, reason);
            message = words.t("bench.lock.released", formula);
            released = true;
        }
        catch (ActionRefused refused) {
            message = words.message(refused);
            status = HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (htmx != null) {
            String typed = reason.length() > Limits.MAX_REASON ? reason.substring(0, Limits.MAX_REASON) : reason;
            ModelAndView fragment = new ModelAndView("fragments/release-lock",
                    Map.of("form", new ReleaseLockForm(formula.value(), session, typed, message, released)));
            fragment.setStatus(status);
            return fragment;
        }
        flash.addFlashAttribute("message", message);
        flash.addFlashAttribute("messageIsError", !released);
        return Redirects.seeOther(back);
    }

    /**
     * What a capture or a manual entry that was accepted says: the weight recorded, and
     * what it led to.
     */
    private static Function<PreparationSession, Text> captured(int sequence) {
        return session -> session.steps()
            .stream()
            .filter(step -> step.sequence() == sequence)
            .findFirst()
            .map(step -> switch (session.status()) {
                case COMPLETED ->
                    Text.of("bench.done.completed", sequence, Format.grams(step.capturedG()), step.ingredientName());
                case LOCKED_FAILED ->
                    Text.of("bench.done.locked", sequence, Format.grams(step.capturedG()), step.ingredientName());
                default -> Text.of("bench.done.next", sequence, Format.grams(step.capturedG()), step.ingredientName(),
                        sequence + 1);
            })
            .orElse(null);
    }

    /**
     * Runs a page action and answers the session's body with what it said, in the
     * reader's language, next to the form it came from.
     * @param form which of the page's forms sent the action ({@code scan},
     * {@code capture}, {@code manual}, …)
     */
    private Object answer(String form, SessionId id, Actor operator, String htmx, RedirectAttributes flash,
            HttpServletRequest request, Function<PreparationSession, Text> success,
            Supplier<PreparationSession> action) {
        Words words = Languages.words(request);
        PreparationSession session;
        Text text = null;
        String message;
        boolean error = false;
        ActionRefused.Reason refusal = null;
        HttpStatus status = HttpStatus.OK;
        try {
            session = action.get();
            text = success.apply(session);
            message = text == null ? null : words.text(text);
        }
        catch (NotPermitted refused) {
            if (htmx == null) {
                throw refused;
            }
            session = preparations.get(id);
            text = refused.text();
            message = words.message(refused);
            error = true;
            status = HttpStatus.FORBIDDEN;
        }
        catch (ActionRefused refused) {
            session = preparations.get(id);
            text = refused.text();
            message = words.message(refused);
            error = true;
            refusal = refused.reason();
            status = HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (htmx == null) {
            flash.addFlashAttribute("message", message);
            flash.addFlashAttribute("messageIsError", error);
            flash.addFlashAttribute("refusal", refusal);
            flash.addFlashAttribute("form", form);
            return Redirects.seeOther("/preparations/" + id);
        }
        ModelAndView fragment = new ModelAndView("fragments/session-body",
                Map.of("page", views.page(session, operator, message, text, error, refusal, form)));
        fragment.setStatus(status);
        return fragment;
    }

}
