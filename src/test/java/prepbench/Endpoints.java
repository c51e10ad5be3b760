package prepbench;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint the application maps, read from its handler mappings, and
 * requests to them.
 */
final class Endpoints {

    private Endpoints() {
    }

    /** Every mapped endpoint as "METHOD pattern". */
    static Set<String> all(RequestMappingHandlerMapping mappings) {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod requestMethod : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(requestMethod.name() + " " + pattern);
                }
            }
        });
        return endpoints;
    }

    /** A request to the endpoint, its path variables replaced by the sample values. */
    static MockHttpServletRequestBuilder request(String endpoint, Map<String, String> samples) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        for (var sample : samples.entrySet()) {
            path = path.replace("{" + sample.getKey() + "}", sample.getValue());
        }
        return MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
    }

}
