package io.ciamportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exports verify offline, an edited export fails, and CSV cells never run as formulas. */
class AuditExportTest {

    static List<AuditEntry> chain(int n) {
        var entries = new ArrayList<AuditEntry>();
        String prev = AuditHashing.GENESIS_HASH;
        for (int i = 1; i <= n; i++) {
            var draft = new AuditEntry(i, Instant.parse("2026-11-22T10:00:00.123456Z").plusSeconds(i), "u-" + i, "User " + i, "REVIEWER",
                    "GATE_SIGNED_OFF", "migration", "m-1", null, "{\"decision\":\"APPROVE\",\"gate\":\"rollback\"}", AuditOutcome.SUCCESS, prev, "");
            var entry = new AuditEntry(draft.id(), draft.occurredAt(), draft.actorId(), draft.actorName(), draft.actorRoles(), draft.action(),
                    draft.targetType(), draft.targetId(), draft.before(), draft.after(), draft.outcome(), prev, draft.computeHash());
            entries.add(entry);
            prev = entry.hash();
        }
        return entries;
    }

    @Test
    void anUntouchedExportVerifies() {
        var result = AuditExport.verify(AuditExport.json("migration m-1", chain(5), Instant.now()));
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
    }

    @Test
    void anEditedExportFailsAndNamesTheEntry() {
        String json = new String(AuditExport.json("migration m-1", chain(5), Instant.now()), StandardCharsets.UTF_8);
        String edited = json.replaceFirst("User 3", "User 9");
        var result = AuditExport.verify(edited.getBytes(StandardCharsets.UTF_8));
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(3L);
        String relinked = json.replaceFirst("\"APPROVE", "\"REJECT");
        assertThat(AuditExport.verify(relinked.getBytes(StandardCharsets.UTF_8)).intact()).isFalse();
        assertThat(AuditExport.verify("{}".getBytes(StandardCharsets.UTF_8)).intact()).isFalse();
    }

    @Test
    void aRemovedEntryInTheMiddleBreaksTheLinkOfItsSuccessor() {
        var entries = new ArrayList<>(chain(5));
        var third = entries.get(2);
        // an entry with the id of the removed one, but another entry's content: its own hash or its successor's link breaks
        entries.set(2, new AuditEntry(3, third.occurredAt(), third.actorId(), third.actorName(), third.actorRoles(), third.action(),
                third.targetType(), third.targetId(), third.before(), third.after(), third.outcome(), third.prevHash(), "f".repeat(64)));
        assertThat(AuditExport.verify(AuditExport.json("x", entries, Instant.now())).intact()).isFalse();
    }

    @Test
    void theVerifyAuditCommandExitsZeroOnAnIntactExportAndOneOnAnEditedOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var intact = dir.resolve("intact.json");
        java.nio.file.Files.write(intact, AuditExport.json("migration m-1", chain(4), Instant.now()));
        assertThat(AuditExport.runCommand(new String[] {"verify-audit", intact.toString()})).isZero();
        var edited = dir.resolve("edited.json");
        java.nio.file.Files.writeString(edited, java.nio.file.Files.readString(intact).replaceFirst("User 2", "Mallory"));
        assertThat(AuditExport.runCommand(new String[] {"verify-audit", edited.toString()})).isEqualTo(1);
        assertThat(AuditExport.runCommand(new String[] {"verify-audit"})).isEqualTo(2);
    }

    @Test
    void csvCellsThatLookLikeFormulasAreNeutralised() {
        assertThat(AuditExport.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditExport.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(AuditExport.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(AuditExport.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(AuditExport.cell("plain")).isEqualTo("\"plain\"");
        var csv = AuditExport.csv(chain(1));
        assertThat(csv).startsWith("id,occurredAt,actorName").contains("\"GATE_SIGNED_OFF\"");
    }
}
