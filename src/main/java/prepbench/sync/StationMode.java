package prepbench.sync;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import prepbench.entry.Text;
import prepbench.preparation.StartCheck;

/**
 * What a station refuses (docs/sync.md): it takes formulas, ingredients, accounts and
 * locks from central, so a change to them is made there; and once its copy of them is
 * older than {@code cache-max-age} it starts no new preparation (one in progress goes
 * on). A station runs without demo data: its data is central's.
 */
@Configuration(proxyBeanMethods = false)
class StationMode implements WebMvcConfigurer {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private static final List<PathPattern> CENTRAL_ONLY = List
        .of("/formulas", "/formulas/**", "/ingredients", "/ingredients/**", "/admin/users", "/admin/users/**",
                "/account/password", "/api/v1/formulas", "/api/v1/formulas/**", "/api/v1/ingredients",
                "/api/v1/ingredients/**", "/api/v1/users", "/api/v1/users/**", "/api/v1/me/password")
        .stream()
        .map(PARSER::parse)
        .toList();

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final SyncProperties properties;

    private final ObjectProvider<StationSync> sync;

    /**
     * @param configured absent in a test slice of the web layer alone, which is then no
     * station
     */
    StationMode(ObjectProvider<SyncProperties> configured, ObjectProvider<StationSync> sync,
            @Value("${prepbench.demo-data:false}") boolean demo) {
        SyncProperties properties = configured.getIfAvailable();
        if (properties != null && properties.isStation() && demo) {
            throw new IllegalStateException("A station (prepbench.sync.central-url is set) runs without demo data: "
                    + "it takes its formulas, ingredients and accounts from central. Set prepbench.demo-data=false.");
        }
        this.properties = properties;
        this.sync = sync;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties == null || !properties.isStation()) {
            return;
        }
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                refuseWhatCentralDoes(request);
                return true;
            }
        });
    }

    private void refuseWhatCentralDoes(HttpServletRequest request) {
        PathContainer path = PathContainer
            .parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        String method = request.getMethod();
        if (!READS.contains(method) && CENTRAL_ONLY.stream().anyMatch(pattern -> pattern.matches(path))) {
            throw new SyncRefused(SyncRefused.Rule.MANAGED_CENTRALLY,
                    Text.of("refused.station.managed-centrally", properties.centralUrl().toString()));
        }
    }

    /**
     * A station starts no new attempt on a copy of central's data older than
     * {@code cache-max-age}, however it is asked to (scan, page, API).
     */
    @Bean
    StartCheck copyFreshEnough() {
        return () -> {
            if (properties == null || !properties.isStation()) {
                return;
            }
            // one row read on every start: when the copy was last taken
            Instant lastRefresh = sync.getObject().lastRefreshAt();
            if (sync.getObject().tooOld(lastRefresh)) {
                throw new SyncRefused(SyncRefused.Rule.COPY_TOO_OLD,
                        Text.of("refused.station.copy-too-old", lastRefresh == null ? "—" : lastRefresh.toString(),
                                properties.cacheMaxAge().toString(), properties.centralUrl().toString()));
            }
        };
    }

}
