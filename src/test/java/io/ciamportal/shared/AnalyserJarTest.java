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
 * The analyser's child starts from {@code ciam-portal-analyser.jar} and its AOT cache only when all is as the build
 * left it: jar, cache and the training's stamp beside the portal's jar, the jar still the one stamped, the cache
 * written after the stamp; and when the user chose no cache or archive of their own.
 */
class AnalyserJarTest {

    @TempDir
    Path dir;

    private int builds;

    /**
     * A build in a directory of its own: the portal's jar, the analyser's jar, its stamp and its cache, each modified
     * the given seconds after the first (-1: not there); the stamp names the analyser's jar as it is then.
     */
    private Path build(long fat, long thin, long stamp, long cache) throws IOException {
        Path build = Files.createDirectory(dir.resolve("build-" + builds++));
        Path jar = touch(build.resolve("ciam-portal.jar"), "portal", fat);
        Path analyser = build.resolve("ciam-portal-analyser.jar");
        if (thin >= 0) {
            touch(analyser, "analyser", thin);
        }
        if (stamp >= 0) {
            touch(build.resolve("ciam-portal-analyser.aot.stamp"), thin >= 0 ? JarMain.stampOf(analyser.toFile()) + "\n" : "0 0", stamp);
        }
        if (cache >= 0) {
            touch(build.resolve("ciam-portal-analyser.aot"), "cache", cache);
        }
        return jar;
    }

    private static Path touch(Path file, String text, long seconds) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + seconds * 1000));
        return file;
    }

    @Test
    void builtTogetherTheyAreUsed() throws IOException {
        Path jar = build(0, 1, 2, 3);
        var found = JarMain.analyserJar(jar, List.of("-Xmx4g"));
        assertThat(found).isPresent();
        assertThat(found.get().options()).containsExactly("-XX:AOTCache=" + jar.resolveSibling("ciam-portal-analyser.aot"), "-Xlog:aot*=off",
                "-Xlog:cds*=off", "-cp", jar.resolveSibling("ciam-portal-analyser.jar").toString());
    }

    @Test
    void aJarChangedAfterTrainingIsNotTheStampedOne() throws IOException {
        Path jar = build(0, 1, 2, 3);
        Path analyser = jar.resolveSibling("ciam-portal-analyser.jar");
        // another jar of another size, given the stamped jar's time: the JDK would still load the cache's classes for it
        Files.writeString(analyser, "another analyser");
        Files.setLastModifiedTime(analyser, FileTime.fromMillis(1_700_000_001_000L));
        assertThat(JarMain.analyserJar(jar, List.of())).isEmpty();
        // the same size but another time
        Path other = build(0, 1, 2, 3).resolveSibling("ciam-portal-analyser.jar");
        Files.setLastModifiedTime(other, FileTime.fromMillis(1_700_000_001_500L));
        assertThat(JarMain.analyserJar(other.resolveSibling("ciam-portal.jar"), List.of())).isEmpty();
    }

    @Test
    void aCacheOlderThanItsStampOrAJarOlderThanThePortalsIsLeftAside() throws IOException {
        assertThat(JarMain.analyserJar(build(0, 1, 3, 2), List.of())).as("cache older than the stamp").isEmpty();
        assertThat(JarMain.analyserJar(build(3, 2, 4, 5), List.of())).as("analyser's jar older than the portal's").isEmpty();
    }

    @Test
    void missingPiecesMeanThePortalsJar() throws IOException {
        assertThat(JarMain.analyserJar(build(0, 1, 2, -1), List.of())).as("no cache").isEmpty();
        assertThat(JarMain.analyserJar(build(0, 1, -1, 3), List.of())).as("no stamp").isEmpty();
        assertThat(JarMain.analyserJar(build(0, -1, 2, 3), List.of())).as("no analyser's jar").isEmpty();
    }

    @Test
    void theUsersOwnCacheOrArchiveWins() throws IOException {
        Path jar = build(0, 1, 2, 3);
        for (String option : List.of("-XX:AOTCache=/elsewhere.aot", "-XX:AOTMode=off", "-Xshare:off", "-XX:SharedArchiveFile=app.jsa")) {
            assertThat(JarMain.analyserJar(jar, List.of("-Xmx1g", option))).as(option).isEmpty();
        }
        assertThat(JarMain.analyserJar(jar, List.of("-Xmx1g", "-XX:+PrintCommandLineFlags"))).isPresent();
    }
}
