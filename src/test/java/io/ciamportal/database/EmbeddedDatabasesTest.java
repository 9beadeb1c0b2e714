package io.ciamportal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL started early is the one the bean takes, for its data directory only, failures included. */
class EmbeddedDatabasesTest {

    private static Path dataDir() throws IOException {
        return Files.createDirectories(Path.of("target", "test-data", "early-" + UUID.randomUUID()));
    }

    @Test
    void theServerStartedEarlyIsTakenOnceForItsDataDirectory() throws IOException {
        Path dir = dataDir();
        EmbeddedDatabases.startEarly(dir);
        try (var early = EmbeddedDatabases.take(dir.resolve("..").resolve(dir.getFileName()))) {
            assertThat(JdbcClient.create(early.getPostgresDatabase()).sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
            assertThat(EmbeddedDatabases.inUse(dir)).isTrue();
            // taken: another data directory gets a server of its own
            Path other = dataDir();
            try (var second = EmbeddedDatabases.take(other)) {
                assertThat(second.getPort()).isNotEqualTo(early.getPort());
                assertThat(EmbeddedDatabases.inUse(other)).isTrue();
            }
        }
        assertThat(EmbeddedDatabases.inUse(dir)).as("stopped by its owner").isFalse();
    }

    @Test
    void anEarlyStartThatFailedFailsTheTake() throws IOException {
        Path dir = dataDir();
        // a file where the data directory's "postgres" folder must go: the start cannot create it
        Files.writeString(dir.resolve("postgres"), "not a directory");
        EmbeddedDatabases.startEarly(dir);
        assertThatThrownBy(() -> EmbeddedDatabases.take(dir)).isInstanceOf(IOException.class);
    }
}
