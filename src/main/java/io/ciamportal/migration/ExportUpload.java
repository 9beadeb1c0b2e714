package io.ciamportal.migration;

import io.ciamportal.exports.AnalysisJson;
import io.ciamportal.exports.AnalysisOptions;
import io.ciamportal.exports.ExportAnalyser;
import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportFormatException;
import io.ciamportal.exports.ExportLimits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One upload of an export to a migration, started by {@link MigrationExportsService#start} after the permission check:
 * each file streams through the analyser as it arrives (nothing of it is written), or a single analysis document
 * made by {@code analyse-export --json} is read instead. Hand it back to {@link MigrationExportsService#finish}.
 * One per upload; not shared between threads at once.
 */
public final class ExportUpload {

    private final UUID migrationId;
    private final UUID userId;
    private final ExportAnalyser analyser;
    private @Nullable ExportAnalysis document;
    private int files;
    private boolean failed;

    ExportUpload(UUID migrationId, UUID userId, AnalysisOptions options, ExportLimits limits, byte[] key) {
        this.migrationId = migrationId;
        this.userId = userId;
        this.analyser = new ExportAnalyser(options, limits);
        var k = ByteBuffer.wrap(key);
        analyser.fingerprintIds(k.getLong(), k.getLong());
    }

    public UUID migrationId() {
        return migrationId;
    }

    UUID userId() {
        return userId;
    }

    /** Streams one file through the analyser; an analysis document is recognised by its first bytes. */
    public ExportAnalysis.FileInfo add(String fileName, InputStream content) {
        if (failed) {
            throw new ExportFormatException("An earlier file of this upload could not be read; start again.");
        }
        try {
            var in = new BufferedInputStream(content, 1 << 16);
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            if (AnalysisJson.looksLikeAnalysis(head)) {
                if (files > 0 || document != null) {
                    throw new ExportFormatException("An analysis document is uploaded alone, not with export files.");
                }
                document = AnalysisJson.read(in);
                files++;
                return document.files().getFirst();
            }
            if (document != null) {
                throw new ExportFormatException("An analysis document is uploaded alone, not with export files.");
            }
            files++;
            return analyser.add(fileName, in);
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    boolean empty() {
        return files == 0;
    }

    boolean failed() {
        return failed;
    }

    boolean fromDocument() {
        return document != null;
    }

    /** The finished analysis (raw export or document). */
    ExportAnalysis analysis() {
        return document != null ? document : analyser.finish();
    }

    /** The id fingerprints, or null for a document. */
    int @Nullable [] fingerprints() {
        return document != null ? null : analyser.idFingerprints();
    }
}
