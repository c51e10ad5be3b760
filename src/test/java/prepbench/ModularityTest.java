package prepbench;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries: no module reaches into another's internals, and there are no cycles. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(PrepBenchApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
