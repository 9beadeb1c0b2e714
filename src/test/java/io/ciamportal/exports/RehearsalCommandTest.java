package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearsal-export ANALYSIS.json OUT.zip [--users N]}: reads the document, writes the archive, exit codes. */
class RehearsalCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RehearsalCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTheArchiveFromAnAnalysisDocument() throws Exception {
        Path analysis = dir.resolve("analysis.json");
        Files.writeString(analysis, AnalysisJson.writePretty(RehearsalPlatformsTest.typical(Platform.ZITADEL)));
        Path zip = dir.resolve("rehearsal.zip");
        assertThat(run("rehearsal-export", analysis.toString(), zip.toString(), "--users", "40")).isEqualTo(0);
        var files = RehearsalMix.unzip(Files.readAllBytes(zip));
        assertThat(files).containsOnlyKeys("export/export.json", "answer-key.csv", "README.txt");
        assertThat(RehearsalMix.text(files.get("answer-key.csv")).lines()).hasSize(41);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("40 made-up ZITADEL users").contains("clear text");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("analysis.json", "rehearsal.zip");
        }
    }

    @Test
    void usageErrorsExitWithTwoAndAnUnreadableDocumentWithOne() throws Exception {
        assertThat(run("rehearsal-export")).isEqualTo(2);
        Path analysis = dir.resolve("analysis.json");
        Files.writeString(analysis, AnalysisJson.write(RehearsalPlatformsTest.typical(Platform.OKTA)));
        assertThat(run("rehearsal-export", analysis.toString(), dir.resolve("x.zip").toString(), "--users", "0")).isEqualTo(2);
        assertThat(run("rehearsal-export", analysis.toString(), dir.resolve("x.zip").toString(), "--users", "many")).isEqualTo(2);
        assertThat(run("rehearsal-export", analysis.toString(), dir.resolve("x.zip").toString(), "--size", "3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar ciam-portal.jar rehearsal-export");
        Path notAnAnalysis = dir.resolve("users.json");
        Files.writeString(notAnAnalysis, "[{\"email\":\"a@example.test\"}]");
        assertThat(run("rehearsal-export", notAnAnalysis.toString(), dir.resolve("y.zip").toString())).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("y.zip"))).isFalse();
    }
}
