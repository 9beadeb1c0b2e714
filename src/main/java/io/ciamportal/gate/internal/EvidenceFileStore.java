package io.ciamportal.gate.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bytes of evidence files, apart from the gate aggregate so loading a gate never loads them. */
@Component
public class EvidenceFileStore {

    private final JdbcClient jdbc;

    EvidenceFileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] content(UUID evidenceId) {
        return jdbc.sql("SELECT content FROM gate_evidence_file WHERE evidence_id = ?").param(evidenceId).query(byte[].class).single();
    }

    public void save(UUID evidenceId, byte[] content) {
        jdbc.sql("INSERT INTO gate_evidence_file (evidence_id, content) VALUES (?, ?)").params(evidenceId, content).update();
    }
}
