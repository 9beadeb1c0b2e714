package io.ciamportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The portal's modules as Spring Modulith sees them: every top-level package under {@code io.ciamportal} is a module,
 * its base package (and declared named interfaces) its API, everything else (views, controllers, {@code internal}) its
 * own. {@code verify()} fails on a cycle or a reach into another module's internals. The generated documentation in
 * {@code docs/modules/} must match the code; {@code -Dportal.docs.update=true} rewrites it.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    static final Path COMMITTED = Path.of("docs/modules");

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationMatchesTheCode() throws IOException {
        Path generated = Files.createTempDirectory("modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        var expected = contents(generated);
        assertThat(expected).isNotEmpty().containsKey("components.puml");
        if (Boolean.getBoolean("portal.docs.update")) {
            Files.createDirectories(COMMITTED);
            try (Stream<Path> old = Files.list(COMMITTED)) {
                for (Path file : old.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
                    Files.delete(file);
                }
            }
            for (var entry : expected.entrySet()) {
                Files.writeString(COMMITTED.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
            }
        }
        var committed = contents(COMMITTED);
        committed.remove("README.md");
        // Documenter lists some sets in no fixed order: compare each file's lines, not their order
        assertThat(lines(committed))
                .as("docs/modules is out of date; regenerate it with ./mvnw test -Dtest=ModulesTest -Dportal.docs.update=true")
                .isEqualTo(lines(expected));
    }

    private static Map<String, java.util.List<String>> lines(Map<String, String> files) {
        var result = new TreeMap<String, java.util.List<String>>();
        files.forEach((name, text) -> result.put(name, text.lines().sorted().toList()));
        return result;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        var files = new TreeMap<String, String>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        }
        return files;
    }
}
