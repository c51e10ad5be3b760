package prepbench.ui;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import prepbench.entry.Words;
import prepbench.preparation.PreparationProperties;
import prepbench.security.AccountManagement;

/**
 * Which language a request is answered in: the signed-in person's choice (kept on their
 * account, read once per page session), else the choice made on this browser (a cookie,
 * also before sign-in), else the browser's {@code Accept-Language}, else English. Pages,
 * ProblemDetails and printed records all ask here (Spring MVC's locale resolver), and get
 * the lab's zone for their times with it.
 */
@Component("localeResolver")
class Languages implements LocaleResolver {

    static final String COOKIE = "prepbench-language";

    private static final String CHOSEN = Languages.class.getName() + ".CHOSEN";

    private final AccountManagement accounts;

    private final ZoneId zone;

    Languages(AccountManagement accounts, PreparationProperties preparation) {
        this.accounts = accounts;
        this.zone = preparation.zone();
    }

    /** The words of the request's language; English in UTC outside Spring MVC. */
    static Words words(HttpServletRequest request) {
        return RequestContextUtils.getLocaleResolver(request) instanceof Languages languages
                ? languages.wordsFor(request) : Words.of(Locale.ENGLISH);
    }

    Words wordsFor(HttpServletRequest request) {
        return Words.of(resolveLocale(request), zone);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return Locale.forLanguageTag(language(request));
    }

    private String language(HttpServletRequest request) {
        Optional<String> person = signedIn().flatMap(username -> chosenBy(username, request));
        if (person.isPresent()) {
            return person.get();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && Words.LANGUAGES.contains(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        for (Locale accepted : Collections.list(request.getLocales())) {
            if (Words.LANGUAGES.contains(accepted.getLanguage())) {
                return accepted.getLanguage();
            }
        }
        return Words.LANGUAGES.get(0);
    }

    /**
     * The language on the person's account, remembered in the page session with their
     * name (the session outlives a sign-in's change of id, so the name is checked).
     */
    private Optional<String> chosenBy(String username, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CHOSEN) instanceof Choice choice
                && choice.username().equals(username)) {
            return Optional.ofNullable(choice.language());
        }
        Optional<String> language = accounts.language(username);
        if (session != null) {
            session.setAttribute(CHOSEN, new Choice(username, language.orElse(null)));
        }
        return language;
    }

    /**
     * Keeps the choice: on this browser (a cookie for a year) and, when someone is signed
     * in, on their account.
     */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String language = Words.supported(locale == null ? null : locale.getLanguage());
        Cookie cookie = new Cookie(COOKIE, language);
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
        signedIn().ifPresent(username -> {
            accounts.chooseLanguage(username, language);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(CHOSEN, new Choice(username, language));
            }
        });
    }

    private static Optional<String> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    private record Choice(String username, String language) implements java.io.Serializable {
    }

}
