package io.ciamportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The child JVM keeps the user's options but the heap and collector ones, which its own replace. */
class ChildOptionsTest {

    @Test
    void heapAndCollectorChoicesGiveWayOthersStay() {
        var options = JarMain.childOptions(List.of("-Xmx4g", "-Xms1g", "-XX:+UseParallelGC", "-XX:-UseG1GC", "-XX:+UseZGC",
                "-XX:+UseCompressedOops", "-XX:+UseStringDeduplication", "-XX:+UseNUMA", "-XX:MaxRAMPercentage=50", "-Dportal.exports.relaunched=false",
                "-XX:+PrintCommandLineFlags", "-XX:+Use-GC", "-Dx=1"));
        assertThat(options).containsExactly("-XX:+UseCompressedOops", "-XX:+UseStringDeduplication", "-XX:+UseNUMA", "-XX:+PrintCommandLineFlags",
                "-XX:+Use-GC", "-Dx=1", "-Xmx256m", "-Xmn32m", "-XX:+UseSerialGC", "-D" + JarMain.MARKER + "=true");
    }
}
