package io.ciamportal.gate.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One piece of evidence: a text, a link, or a file (its bytes live apart; here its name, type, size and SHA-256). */
@Entity
@Table(name = "gate_evidence")
public class GateEvidence {

    public enum Kind { TEXT, LINK, FILE }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Kind kind;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 10000)
    private @Nullable String body;

    @Column(length = 1000)
    private @Nullable String url;

    @Column(name = "file_name", length = 255)
    private @Nullable String fileName;

    @Column(name = "content_type", length = 100)
    private @Nullable String contentType;

    @Column(name = "size_bytes")
    private @Nullable Long sizeBytes;

    @Column(length = 64)
    private @Nullable String sha256;

    @Column(name = "added_by", nullable = false)
    private UUID addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected GateEvidence() {
        this.id = new UUID(0, 0);
        this.kind = Kind.TEXT;
        this.title = "";
        this.addedBy = id;
        this.addedAt = Instant.EPOCH;
    }

    public GateEvidence(Kind kind, String title, @Nullable String body, @Nullable String url, @Nullable String fileName,
            @Nullable String contentType, @Nullable Long sizeBytes, @Nullable String sha256, UUID addedBy, Instant addedAt) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.url = url;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    /** What the state hash and the audit log see of this evidence (never the file's bytes, only their SHA-256). */
    public Map<String, @Nullable Object> describe() {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("id", id.toString());
        map.put("kind", kind.name());
        map.put("title", title);
        map.put("body", body);
        map.put("url", url);
        map.put("fileName", fileName);
        map.put("contentType", contentType);
        map.put("sizeBytes", sizeBytes);
        map.put("sha256", sha256);
        return map;
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public @Nullable String body() {
        return body;
    }

    public @Nullable String url() {
        return url;
    }

    public @Nullable String fileName() {
        return fileName;
    }

    public @Nullable String contentType() {
        return contentType;
    }

    public @Nullable Long sizeBytes() {
        return sizeBytes;
    }

    public @Nullable String sha256() {
        return sha256;
    }

    public UUID addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
