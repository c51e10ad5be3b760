package prepbench.records;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import prepbench.access.Actor;
import prepbench.preparation.SessionId;

/** The answer that carries a record's PDF, alike on the page and in the API. */
public final class Pdfs {

    private Pdfs() {
    }

    /**
     * The record of the preparation as an inline PDF named after the formula and attempt,
     * never cached, printed in the request's language (the reader's choice on a page,
     * {@code Accept-Language} in the API).
     */
    public static ResponseEntity<byte[]> record(BatchRecords records, SessionId id, Actor reader) {
        RecordPage page = records.record(id);
        byte[] pdf = records.pdf(page, reader, records.words(LocaleContextHolder.getLocale()));
        String name = "record-" + page.session().formulaCode().value() + "-" + page.session().attemptNo() + ".pdf";
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(pdf);
    }

}
