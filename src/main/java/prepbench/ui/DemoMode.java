package prepbench.ui;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks every request of a demo station ({@code prepbench.demo-data=true}), so that every
 * page, error pages and the sign-in page included, carries the demo band and every batch
 * record says DEMO.
 */
@Component
class DemoMode extends OncePerRequestFilter {

    static final String ATTRIBUTE = DemoMode.class.getName();

    private final boolean demo;

    DemoMode(@Value("${prepbench.demo-data:false}") boolean demo) {
        this.demo = demo;
    }

    static boolean isDemo(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, demo);
        chain.doFilter(request, response);
    }

}
