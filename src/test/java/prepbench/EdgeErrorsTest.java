package prepbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Every refusal a domain module throws is answered by both edges with its own status and
 * message: the API as a ProblemDetail ({@code ApiErrors}), the pages as an error page
 * ({@code UiErrors}). A new refusal that one edge forgot would reach the catch-all there
 * and become a 500; this finds it by reading both advices' handlers.
 */
class EdgeErrorsTest {

    /** Exceptions of the domain modules that never reach an edge, and why. */
    private static final Map<String, String> NEVER_AT_AN_EDGE = Map.of("prepbench.scales.BenchMisconfigured",
            "stops startup (a failure analyzer explains it)", "prepbench.audit.MissingAuditKey",
            "stops startup (a failure analyzer explains it)", "prepbench.scanning.LabelRefused",
            "caught by the preparation, which turns it into an ActionRefused");

    private static final List<String> DOMAIN = List.of("access", "audit", "formulas", "preparation", "samples",
            "scales", "scanning", "security", "transfer");

    @Test
    void bothEdgesAnswerEveryRefusalOfTheDomain() throws Exception {
        List<Class<?>> apiHandled = handled("prepbench.api.ApiErrors");
        List<Class<?>> uiHandled = handled("prepbench.ui.UiErrors");
        List<Class<?>> refusals = domainRefusals();
        assertThat(refusals).as("the scan finds the refusals").hasSizeGreaterThan(15);

        for (Class<?> refusal : refusals) {
            assertThat(apiHandled).as("ApiErrors answers %s", refusal.getName())
                .anyMatch(handled -> handled.isAssignableFrom(refusal));
            assertThat(uiHandled).as("UiErrors answers %s", refusal.getName())
                .anyMatch(handled -> handled.isAssignableFrom(refusal));
        }
    }

    /** The exception types an advice's handlers declare, without the catch-alls. */
    private static List<Class<?>> handled(String advice) throws ClassNotFoundException {
        return Arrays.stream(Class.forName(advice).getDeclaredMethods())
            .map(method -> method.getAnnotation(ExceptionHandler.class))
            .filter(handler -> handler != null)
            .flatMap(handler -> Stream.of(handler.value()))
            .filter(type -> type != Exception.class && type != RuntimeException.class)
            .<Class<?>>map(type -> type)
            .toList();
    }

    private static List<Class<?>> domainRefusals() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(RuntimeException.class));
        return DOMAIN.stream()
            .flatMap(module -> scanner.findCandidateComponents("prepbench." + module).stream())
            .map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
            .filter(type -> Modifier.isPublic(type.getModifiers()))
            .filter(type -> !NEVER_AT_AN_EDGE.containsKey(type.getName()))
            .filter(type -> type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("/classes/")
                    && !type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes"))
            .distinct()
            .<Class<?>>map(type -> type)
            .toList();
    }

}
