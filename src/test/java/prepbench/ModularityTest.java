package prepbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: no module reaches into another's internals, there are no cycles, and
 * each module uses only the modules its {@code package-info.java} declares
 * ({@code @ApplicationModule(allowedDependencies = …)}). The module diagrams and canvases
 * in {@code docs/modules} are generated from the code (Spring Modulith's
 * {@code Documenter}) and must match it: after a change of structure, regenerate them
 * with {@code mvn -B test -Dtest=ModularityTest -Dprepbench.update-docs=true} and commit
 * them.
 */
class ModularityTest {

    private static final Path DOCS = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(PrepBenchApplication.class);

    @Test
    void modulesRespectTheirBoundariesAndDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayUse() {
        modules.forEach(module -> assertThat(
                module.getBasePackage().toSingle().getAnnotation(org.springframework.modulith.ApplicationModule.class))
            .as("@ApplicationModule(allowedDependencies = …) on %s's package-info", module.getIdentifier())
            .isPresent());
    }

    @Test
    void theModuleDiagramsInDocsMatchTheCode() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
            .writeModulesAsPlantUml()
            .writeIndividualModulesAsPlantUml()
            .writeModuleCanvases();
        List<Path> files = list(generated);
        if (Boolean.getBoolean("prepbench.update-docs")) {
            Files.createDirectories(DOCS);
            for (Path stale : list(DOCS)) {
                Files.delete(DOCS.resolve(stale));
            }
            for (Path file : files) {
                Files.copy(generated.resolve(file), DOCS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(list(DOCS))
            .as("docs/modules holds what the Documenter writes; regenerate it with " + "-Dprepbench.update-docs=true")
            .containsExactlyInAnyOrderElementsOf(files);
        // the Documenter lists components and relations in no fixed order: a file matches
        // when its lines do
        for (Path file : files) {
            assertThat(lines(DOCS.resolve(file)))
                .as("docs/modules/%s is out of date; regenerate it with -Dprepbench.update-docs=true", file)
                .isEqualTo(lines(generated.resolve(file)));
        }
    }

    /**
     * What a file says, whatever the order the Documenter wrote it in: a diagram's lines,
     * sorted; a canvas's named types and members (what it puts in backquotes), sorted,
     * since it also pairs them in table rows in no fixed order.
     */
    private static List<String> lines(Path file) throws IOException {
        if (file.toString().endsWith(".adoc")) {
            java.util.regex.Matcher named = java.util.regex.Pattern.compile("`[^`]+`").matcher(Files.readString(file));
            List<String> names = new java.util.ArrayList<>();
            while (named.find()) {
                names.add(named.group());
            }
            return names.stream().sorted().toList();
        }
        return Files.readAllLines(file).stream().sorted().toList();
    }

    private static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }

}
