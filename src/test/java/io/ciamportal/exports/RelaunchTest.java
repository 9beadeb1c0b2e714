package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line a command runs itself again with: the same start, its own heap and collector, the arguments. */
class RelaunchTest {

    @Test
    void theChildGetsTheSmallHeapTheMarkerAndTheSameArguments() {
        List<String> command = Relaunch.command(new String[] {"analyse-export", "--json", "users.ndjson"});
        assertThat(command).isNotEmpty();
        assertThat(command.getFirst()).endsWith("java");
        assertThat(command).containsSubsequence(Relaunch.FLAGS).contains("-D" + Relaunch.MARKER + "=true");
        assertThat(command.subList(command.size() - 3, command.size())).containsExactly("analyse-export", "--json", "users.ndjson");
        // this JVM's heap and collector options are replaced, not repeated: one cap, one collector
        assertThat(command.stream().filter(o -> o.startsWith("-Xmx"))).containsExactly(Relaunch.HEAP);
        assertThat(command.stream().filter(o -> o.matches("-XX:[+-]Use\\w*GC"))).containsExactly("-XX:+UseSerialGC");
        assertThat(command).containsAnyOf("-jar", "-cp");
    }

    @Test
    void aRelaunchedJvmRunsTheCommandItself() {
        System.setProperty(Relaunch.MARKER, "true");
        try {
            assertThat(Relaunch.ifNeeded(new String[] {"analyse-export", "--help"})).isEmpty();
        } finally {
            System.clearProperty(Relaunch.MARKER);
        }
    }
}
