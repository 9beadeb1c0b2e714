package io.ciamportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyser's child starts from {@code ciam-portal-analyser.jar} and its AOT cache only when both are beside the
 * portal's jar, the cache is the newest of the three, and the user chose no cache or archive of their own.
 */
class AnalyserJarTest {

    @TempDir
    Path dir;

    private int builds;

    /** The three files in a directory of their own, each modified the given seconds after the first (-1: not there). */
    private Path files(long fat, long thin, long cache) throws IOException {
        Path build = Files.createDirectory(dir.resolve("build-" + builds++));
        Path jar = touch(build, "ciam-portal.jar", fat);
        if (thin >= 0) {
            touch(build, "ciam-portal-analyser.jar", thin);
        }
        if (cache >= 0) {
            touch(build, "ciam-portal-analyser.aot", cache);
        }
        return jar;
    }

    private static Path touch(Path build, String name, long seconds) throws IOException {
        Path file = Files.writeString(build.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + seconds * 1000));
        return file;
    }

    @Test
    void builtTogetherTheyAreUsed() throws IOException {
        Path jar = files(0, 1, 2);
        var found = JarMain.analyserJar(jar, List.of("-Xmx4g"));
        assertThat(found).isPresent();
        assertThat(found.get().options()).containsExactly("-XX:AOTCache=" + jar.resolveSibling("ciam-portal-analyser.aot"), "-Xlog:aot*=off",
                "-Xlog:cds*=off", "-cp", jar.resolveSibling("ciam-portal-analyser.jar").toString());
    }

    @Test
    void aCacheOlderThanItsJarOrAJarOlderThanThePortalsIsLeftAside() throws IOException {
        assertThat(JarMain.analyserJar(files(0, 2, 1), List.of())).as("cache older than the analyser's jar").isEmpty();
        assertThat(JarMain.analyserJar(files(3, 2, 4), List.of())).as("analyser's jar older than the portal's").isEmpty();
    }

    @Test
    void missingPiecesMeanThePortalsJar() throws IOException {
        assertThat(JarMain.analyserJar(files(0, 1, -1), List.of())).as("no cache").isEmpty();
        assertThat(JarMain.analyserJar(files(0, -1, 2), List.of())).as("no analyser's jar").isEmpty();
    }

    @Test
    void theUsersOwnCacheOrArchiveWins() throws IOException {
        Path jar = files(0, 1, 2);
        for (String option : List.of("-XX:AOTCache=/elsewhere.aot", "-XX:AOTMode=off", "-Xshare:off", "-XX:SharedArchiveFile=app.jsa")) {
            assertThat(JarMain.analyserJar(jar, List.of("-Xmx1g", option))).as(option).isEmpty();
        }
        assertThat(JarMain.analyserJar(jar, List.of("-Xmx1g", "-XX:+PrintCommandLineFlags"))).isPresent();
    }
}
