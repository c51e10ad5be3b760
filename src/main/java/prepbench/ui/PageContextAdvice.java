package prepbench.ui;

import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import prepbench.access.Actor;
import prepbench.access.Permission;

/**
 * Gives every page of this module its {@link PageContext} as the model attribute
 * {@code ctx}.
 */
@ControllerAdvice(basePackageClasses = PageContextAdvice.class)
class PageContextAdvice {

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        return of(request);
    }

    static PageContext of(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String parameter = csrf == null ? null : csrf.getParameterName();
        String token = csrf == null ? null : csrf.getToken();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return new PageContext(null, "", false, false, false, false, false, false, false, parameter, token,
                    DemoMode.isDemo(request), idleSeconds(request), Languages.words(request), here(request),
                    assets(request));
        }
        var authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        String roles = authorities.stream()
            .filter(authority -> authority.startsWith("ROLE_"))
            .map(authority -> authority.replaceFirst("^ROLE_", "").toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", "));
        Actor actor = Actor.withRoles(authentication.getName(), authorities);
        return new PageContext(authentication.getName(), roles, actor.may(Permission.PREPARE),
                actor.may(Permission.DIAGNOSE), actor.may(Permission.EDIT_CATALOG), actor.may(Permission.SIGN_RELEASE),
                actor.may(Permission.RELEASE_LOCK), actor.may(Permission.MANAGE_ACCOUNTS),
                actor.may(Permission.REVIEW_AUDIT), parameter, token, DemoMode.isDemo(request), idleSeconds(request),
                Languages.words(request), here(request), assets(request));
    }

    /**
     * The address a page was asked at (an error page's: the address that failed), for the
     * language switch to come back to; "/" for the answer to a form, which cannot be
     * asked again.
     */
    private static String here(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        String query = failed instanceof String ? null : request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    /**
     * Spring's fingerprinting of static resources, which it leaves on every request it
     * dispatches; an address it does not know stays as it is.
     */
    private static UnaryOperator<String> assets(HttpServletRequest request) {
        if (request.getAttribute(ResourceUrlProvider.class.getName()) instanceof ResourceUrlProvider urls) {
            return path -> {
                String fingerprinted = urls.getForLookupPath(path);
                return fingerprinted == null ? path : fingerprinted;
            };
        }
        return UnaryOperator.identity();
    }

    /** How long this page session lasts without a request; 0 when there is none. */
    private static long idleSeconds(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null || session.getMaxInactiveInterval() <= 0 ? 0 : session.getMaxInactiveInterval();
    }

}
