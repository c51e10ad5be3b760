package prepbench.records;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.helper.W3CDom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import prepbench.access.Actor;
import prepbench.audit.AuditTrail;
import prepbench.entry.Words;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.PreparationProperties;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.SessionId;
import prepbench.samples.SampleRegister;

/**
 * The batch record of a preparation: read from the session, its sample and its audit
 * trail (verified as it is read), and printed as a PDF from the same template as the page
 * ({@code fragments/record-body.jte}), on A4 with "page N of M", who printed it and when
 * on every page, in DejaVu Sans (which has Latin and Arabic letters; Arabic is shaped and
 * ordered right to left by ICU). It is printed in the reader's language, its times in the
 * lab's zone; an Arabic record is laid out right to left.
 */
@Service
public class BatchRecords {

    private static final String FONT = "DejaVu Sans";

    private final PreparationManagement preparations;

    private final SampleRegister samples;

    private final AuditTrail audit;

    private final TemplateEngine templates;

    private final Clock clock;

    private final boolean demo;

    private final ZoneId zone;

    /** A station clock further than this from central's is flagged on the record. */
    private java.time.Duration maxClockOffset = java.time.Duration.ofMinutes(2);

    @Autowired
    BatchRecords(PreparationManagement preparations, SampleRegister samples, AuditTrail audit, TemplateEngine templates,
            Clock clock, PreparationProperties preparation, @Value("${prepbench.demo-data:false}") boolean demo,
            @Value("${prepbench.sync.max-clock-offset:2m}") java.time.Duration maxClockOffset) {
        this(preparations, samples, audit, templates, clock, preparation.zone(), demo);
        this.maxClockOffset = maxClockOffset;
    }

    BatchRecords(PreparationManagement preparations, SampleRegister samples, AuditTrail audit, TemplateEngine templates,
            Clock clock, ZoneId zone, boolean demo) {
        this.preparations = preparations;
        this.samples = samples;
        this.audit = audit;
        this.templates = templates;
        this.clock = clock;
        this.zone = zone;
        this.demo = demo;
        // the renderer says at INFO every font it loads, for every record: only its
        // warnings go to the log
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    /**
     * The record of the preparation now, its chain verified.
     * @throws prepbench.preparation.SessionNotFound when there is no such preparation
     */
    public RecordPage record(SessionId id) {
        PreparationSession session = preparations.get(id);
        var sessionId = session.id().value();
        return new RecordPage(SessionView.of(session), samples.forSession(sessionId).orElse(null),
                audit.forSession(sessionId), audit.verifySession(sessionId), clock.instant(), maxClockOffset);
    }

    /** The words of a language, with the lab's zone for the times. */
    public Words words(Locale language) {
        return Words.of(language, zone);
    }

    /**
     * The record as a PDF, printed by the actor now, in the words' language.
     * @throws prepbench.preparation.SessionNotFound when there is no such preparation
     */
    public byte[] pdf(SessionId id, Actor printedBy, Words words) {
        return pdf(record(id), printedBy, words);
    }

    /**
     * The record read a moment ago, as a PDF printed by the actor in the words' language.
     */
    byte[] pdf(RecordPage page, Actor printedBy, Words words) {
        StringOutput html = new StringOutput();
        templates.render("record-pdf.jte", Map.of("page", page, "words", words, "demo", demo, "printedBy",
                printedBy.username(), "printedAt", page.verifiedAt()), html);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(
                    words.rightToLeft() ? PdfRendererBuilder.TextDirection.RTL : PdfRendererBuilder.TextDirection.LTR);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSansMono.ttf"), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
            builder.withW3cDocument(new W3CDom().fromJsoup(isolated(Jsoup.parse(html.toString()), words)), "/");
            builder.withProducer("PrepBench");
            builder.toStream(pdf);
            builder.run();
        }
        catch (IOException unwritable) {
            throw new UncheckedIOException("The record's PDF could not be written", unwritable);
        }
        return pdf.toByteArray();
    }

    /**
     * The values the page marks as data ({@code <bdi>}, {@code dir="auto"}), in a form
     * the PDF renderer orders right: it does not isolate them as a browser does (an
     * Arabic name with brackets came out reversed in an English record). In a
     * right-to-left record each value is isolated with Unicode's first-strong isolate, so
     * that a range "77.500 g – 78.500 g" reads in its order; in a left-to-right one it is
     * plain text, which the bidi algorithm orders right by itself, an Arabic name too.
     */
    static Document isolated(Document page, Words words) {
        for (Element value : page.select("bdi, [dir=auto]")) {
            value.removeAttr("dir");
            if (words.rightToLeft()) {
                value.prependText("\u2068").appendText("\u2069");
            }
            if (value.nameIs("bdi")) {
                value.unwrap();
            }
        }
        return page;
    }

    private static InputStream font(String file) {
        try {
            return new ClassPathResource("fonts/" + file).getInputStream();
        }
        catch (IOException missing) {
            throw new UncheckedIOException("The font " + file + " is missing from the application", missing);
        }
    }

}
