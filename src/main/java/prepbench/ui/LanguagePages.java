package prepbench.ui;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.entry.Words;

/**
 * The language switch on every page: keeps the choice (this browser, and the account of
 * whoever is signed in) and goes back to the page it was made on.
 */
@Controller
class LanguagePages {

    private final Languages languages;

    LanguagePages(Languages languages) {
        this.languages = languages;
    }

    @PostMapping("/language")
    String chooseLanguage(@RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "/") String back, HttpServletRequest request, HttpServletResponse response) {
        languages.setLocale(request, response, Locale.forLanguageTag(Words.supported(language)));
        return "redirect:" + sameSite(back);
    }

    /**
     * The page to go back to, only when it is a path on this site (never another site's
     * address, so the switch cannot be used to send someone away).
     */
    static String sameSite(String back) {
        boolean local = back.startsWith("/") && !back.startsWith("//") && back.length() <= 2000
                && back.chars().noneMatch(c -> c == '\\' || c < 0x20 || c == 0x7f);
        return local ? back : "/";
    }

}
