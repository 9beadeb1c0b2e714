package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.shared.JarMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/ciam-portal.jar analyse-export} as a user runs it: the jar's own {@link JarMain} starts the
 * small-heap child JVM before Spring Boot's launcher, passes the user's other JVM options on, and exits with the
 * child's exit code; with a small cap given there is no child. {@code -XX:+PrintCommandLineFlags} makes each JVM say
 * its heap cap and collector on standard output.
 */
@Tag("integration")
class PackagedCommandIntegrationTest {

    static final Path JAR = Path.of("target", "ciam-portal.jar");
    static final Path USERS = Path.of("src", "test", "resources", "exports", "auth0", "users.ndjson");
    static final Pattern FLAGS = Pattern.compile("-XX:MaxHeapSize=(\\d+).*-XX:\\+Use(\\w+)GC");

    @Test
    void theJarsMainClassIsItsOwnLauncherAtTheRoot() throws IOException {
        try (var jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(JarMain.class.getName());
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class")).isEqualTo("io.ciamportal.Application");
            assertThat(jar.getEntry("io/ciamportal/shared/JarMain.class")).as("beside Spring Boot's loader").isNotNull();
        }
    }

    @Test
    void withABigHeapTheAnalysisRunsInAChildWithTheSmallHeapAndTheUsersOtherOptions() throws Exception {
        var run = run(List.of("-Xmx4g", "-XX:+UseParallelGC", "-XX:+PrintCommandLineFlags"),
                "analyse-export", "--json", USERS.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        var jvms = jvms(run.out());
        // the child prints its flags too: -XX:+PrintCommandLineFlags, the user's option, was passed on
        assertThat(jvms).as("the first JVM, then the child").hasSize(2);
        assertThat(jvms.get(0)).isEqualTo(List.of(String.valueOf(4L << 30), "Parallel"));
        assertThat(jvms.get(1)).isEqualTo(List.of(String.valueOf(256L << 20), "Serial"));
        assertThat(run.out()).contains("\"platform\" : \"auth0\"");
    }

    @Test
    void theChildsExitCodeIsTheCommands() throws Exception {
        var run = run(List.of(), "analyse-export", "--json", Path.of("src", "test", "resources", "exports", "bad", "invalid.json").toString());
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.err()).startsWith("Cannot analyse: ");
        assertThat(run(List.of(), "analyse-export", "--no-such-option").exit()).isEqualTo(2);
    }

    @Test
    void withASmallHeapGivenThereIsNoChild() throws Exception {
        var run = run(List.of("-Xmx384m", "-XX:+PrintCommandLineFlags"), "analyse-export", USERS.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(jvms(run.out())).hasSize(1);
        assertThat(run.out()).contains("Users");
    }

    @Test
    void theAnalyserRunsOnThePortalsClassesAndJacksonWithoutSpringBootsLauncher() throws Exception {
        var run = run(List.of("-Xmx384m", "-Xlog:class+load=info:stderr"), "analyse-export", "--json", USERS.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // from the jar file itself, not from Spring Boot's nested-jar URLs (jar:nested:...!/BOOT-INF/classes/!/)
        String jar = "file:" + JAR.toAbsolutePath();
        assertThat(run.err()).contains("io.ciamportal.exports.ExportCommand source: " + jar)
                .contains("tools.jackson.core.json.JsonFactory source: " + jar)
                .doesNotContain("jar:nested:")
                .doesNotContain("org.springframework.");
        // the same document as the analyser gives on the test's own class path, but for the time of the analysis
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int exit = ExportCommand.run(new String[] {"analyse-export", "--json", USERS.toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(withoutTime(run.out())).isEqualTo(withoutTime(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void theChildStartsFromTheAnalysersOwnJarAndItsCache() throws Exception {
        assertThat(Path.of("target", "ciam-portal" + JarMain.ANALYSER_JAR)).as("built beside the portal's jar").isRegularFile();
        assertThat(Path.of("target", "ciam-portal" + JarMain.ANALYSER_CACHE)).isRegularFile();
        var run = run(List.of("-Xlog:class+load=info:stderr"), "analyse-export", "--json", USERS.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // loaded and linked from the cache, on the application class loader; still no Spring
        assertThat(run.err()).contains("io.ciamportal.exports.ExportCommand source: shared objects file")
                .contains("tools.jackson.core.json.JsonFactory source: shared objects file")
                .doesNotContain("jar:nested:")
                .doesNotContain("org.springframework.");
        // nothing of the cache's on standard output: the document alone, as on the test's own class path
        var out = new java.io.ByteArrayOutputStream();
        int exit = ExportCommand.run(new String[] {"analyse-export", "--json", USERS.toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(withoutTime(run.out())).isEqualTo(withoutTime(out.toString(StandardCharsets.UTF_8)));
    }

    private static String withoutTime(String json) {
        return json.replaceAll("\"analysedAt\" : \"[^\"]*\"", "\"analysedAt\" : \"\"");
    }

    record Run(int exit, String out, String err) {}

    private static Run run(List<String> jvmOptions, String... args) throws Exception {
        assertThat(JAR).as("the packaged jar (mvn package)").isRegularFile();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = java.nio.file.Files.createTempFile("jar-main-", ".out");
        Path err = java.nio.file.Files.createTempFile("jar-main-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
            return new Run(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    /** Each JVM's heap cap and collector, from its -XX:+PrintCommandLineFlags line, in order. */
    private static List<List<String>> jvms(String out) {
        var jvms = new ArrayList<List<String>>();
        for (String line : out.lines().toList()) {
            var m = FLAGS.matcher(line);
            if (m.find()) {
                jvms.add(List.of(m.group(1), m.group(2)));
            }
        }
        return jvms;
    }
}
