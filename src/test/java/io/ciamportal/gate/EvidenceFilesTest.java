package io.ciamportal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Evidence files are checked by name and content, and their SHA-256 recorded. */
class EvidenceFilesTest {

    @Test
    void aTextFileIsAcceptedWithItsHash() {
        var checked = EvidenceFiles.check("../../etc/runbook.md", "# Runbook".getBytes(StandardCharsets.UTF_8), 1024);
        assertThat(checked.fileName()).isEqualTo("runbook.md");
        assertThat(checked.contentType()).isEqualTo("text/markdown");
        assertThat(checked.sha256()).isEqualTo("f3ccc2c0fc575cbb3c1f466411947dd0f2fe815ef9b0595c372a21cc166da608");
    }

    @Test
    void aFileWhoseContentIsNotItsTypeIsRefused() {
        assertThatThrownBy(() -> EvidenceFiles.check("report.pdf", "<html>".getBytes(StandardCharsets.UTF_8), 1024))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a PDF");
        assertThatThrownBy(() -> EvidenceFiles.check("page.html", "<html>".getBytes(StandardCharsets.UTF_8), 1024))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> EvidenceFiles.check("notes.txt", new byte[] {'a', 0, 'b'}, 1024)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tooLargeAndEmptyFilesAreRefused() {
        assertThatThrownBy(() -> EvidenceFiles.check("big.txt", new byte[2048], 1024)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> EvidenceFiles.check("empty.txt", new byte[0], 1024)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRealPdfHeaderPasses() {
        assertThat(EvidenceFiles.check("plan.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), 1024).contentType())
                .isEqualTo("application/pdf");
    }
}
