package prepbench.ui;

import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import prepbench.catalog.CatalogRefused;
import prepbench.entry.InvalidEntry;
import prepbench.entry.Words;

/**
 * How a catalogue form (a draft, an ingredient) is saved: on success, the saved page;
 * entries that cannot be saved (422) or a save someone made meanwhile (409) show the form
 * again with the problems beside the fields, in the reader's language, and the typing
 * kept; any other refusal is the error page's.
 */
public final class CatalogForms {

    private CatalogForms() {
    }

    static Object save(Runnable save, String savedPath, HttpServletResponse response, Words words,
            Function<Map<String, String>, Object> formAgain) {
        try {
            save.run();
            return Redirects.seeOther(savedPath);
        }
        catch (InvalidEntry invalid) {
            response.setStatus(422);
            return formAgain.apply(invalid.problems(words));
        }
        catch (CatalogRefused refused) {
            if (refused.reason() != CatalogRefused.Reason.CHANGED_MEANWHILE) {
                throw refused;
            }
            response.setStatus(409);
            return formAgain.apply(Map.of("form", words.message(refused)));
        }
    }

}
