package io.ciamportal.migration.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.ciamportal.exports.AnalysisJson;
import io.ciamportal.exports.AnalysisOptions;
import io.ciamportal.exports.ExportFormatException;
import io.ciamportal.migration.DestinationOutcomes;
import io.ciamportal.migration.ExportViews;
import io.ciamportal.migration.MigrationExportsService;
import io.ciamportal.migration.MigrationExportsService.UploadOptions;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.api.ExportQueryParameters;
import io.ciamportal.shared.api.StreamedUploads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/migrations/{id}/exports}: upload the source's user export (streamed through the analyser, never
 * stored) or the analysis document {@code analyse-export --json} made on the team's own machine; read the latest
 * analysis with its provenance and per-destination outcomes, and the history.
 */
@RestController
@RequestMapping("/api/v1/migrations/{id}/exports")
@PreAuthorize("isAuthenticated()")
class ExportApiController {

    private final MigrationExportsService exports;

    ExportApiController(MigrationExportsService exports) {
        this.exports = exports;
    }

    /** The analysis with what the migration made of it; {@code analysis} is the analysis document itself. */
    record ExportJson(boolean unchanged, ExportViews.Provenance provenance, ExportViews.@Nullable Diff diff, @JsonRawValue String analysis,
            List<DestinationOutcomes.Outcome> destinations, Set<String> inventoryFields, boolean evidenceApplied, @Nullable String evidenceNote,
            @Nullable Long migrationVersion) {

        static ExportJson of(boolean unchanged, ExportViews.Analysed a, @Nullable Long version) {
            return new ExportJson(unchanged, a.provenance(), a.diff(), AnalysisJson.write(a.analysis()), a.destinations(), a.inventoryFields(),
                    a.evidenceApplied(), a.evidenceNote(), version);
        }
    }

    @Operation(summary = "Upload the source's user export, or its analysis document (owner, analysts of the migration, admins)",
            description = "Multipart files (one export of one or more files), a raw body with ?name=FILE, or the analysis document "
                    + "(application/json, as analyse-export --json prints it, so personal data need not leave the team's machine). "
                    + "The counts fill the inventory (the fields they set are listed), the assessment is re-scored, and what the export shows "
                    + "about hashes and TOTP secrets outranks the vendor's documented facts for this migration. The same files as the latest "
                    + "export: 200 with unchanged=true and nothing written; otherwise 201. An export of another platform than the source's, "
                    + "or a file that cannot be read: 400 and nothing written. Audited.")
    @ExportQueryParameters
    @PostMapping
    ResponseEntity<ExportJson> upload(@PathVariable UUID id, HttpServletRequest request) throws IOException {
        var options = StreamedUploads.query(request);
        ExportViews.Result result;
        if (StreamedUploads.multipart(request)) {
            // options sent as fields before the files count too, so the upload starts at the first file
            var holder = new Object() {
                io.ciamportal.migration.ExportUpload upload;
            };
            int files = StreamedUploads.readMultipart(request, options, (name, in) -> {
                if (holder.upload == null) {
                    holder.upload = exports.start(id, uploadOptions(options));
                }
                holder.upload.add(name, in);
            });
            if (files == 0 || holder.upload == null) {
                throw new ExportFormatException("The multipart request holds no file.");
            }
            result = exports.finish(holder.upload);
        } else {
            var upload = exports.start(id, uploadOptions(options));
            upload.add(options.getOrDefault("name", "upload"), request.getInputStream());
            result = exports.finish(upload);
        }
        return ResponseEntity.status(result.unchanged() ? HttpStatus.OK : HttpStatus.CREATED)
                .eTag(io.ciamportal.shared.api.Versions.etag(result.migration().version()))
                .body(ExportJson.of(result.unchanged(), result.export(), result.migration().version()));
    }

    @Operation(summary = "The latest export analysis of the migration, with per-destination outcomes (members, admins)")
    @GetMapping("/latest")
    ExportJson latest(@PathVariable UUID id) {
        return exports.latest(id).map(a -> ExportJson.of(false, a, null))
                .orElseThrow(() -> new NotFoundException("No export has been analysed for this migration yet."));
    }

    @Operation(summary = "Every export analysed for the migration, newest first: provenance, users, and added/removed against the previous one")
    @GetMapping
    List<ExportViews.HistoryRow> history(@PathVariable UUID id) {
        return exports.history(id);
    }

    @Operation(summary = "Rehearsal data from the latest analysis: a synthetic export of the same platform and mix (owner, analysts, admins)",
            description = "A ZIP with made-up people in the platform's own format (password schemes and costs, MFA, inactive and verified "
                    + "shares as analysed), real hashes of throwaway passwords, and answer-key.csv with those passwords in clear text, to "
                    + "rehearse the import on a staging destination. users: 1 to 1,000 (default: the export's count, at most 100); bcrypt "
                    + "at cost 10 takes about 50 ms a user.")
    @GetMapping(value = "/latest/rehearsal.zip", produces = "application/zip")
    ResponseEntity<byte[]> rehearsal(@PathVariable UUID id, HttpServletRequest request) throws IOException {
        var analysis = exports.rehearsalSource(id);
        String n = StreamedUploads.query(request).get("users");
        int users;
        try {
            users = n == null || n.isBlank() ? (int) Math.clamp(analysis.users(), 1, 100) : Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            throw new io.ciamportal.shared.InvalidInputException("users", "Give the number of users, 1 to 1,000.");
        }
        if (users < 1 || users > 1_000) {
            throw new io.ciamportal.shared.InvalidInputException("users", "Give the number of users, 1 to 1,000.");
        }
        var zip = new java.io.ByteArrayOutputStream();
        io.ciamportal.exports.RehearsalExport.write(analysis, users, new java.security.SecureRandom(), zip);
        return io.ciamportal.shared.api.Downloads.attachment(zip.toByteArray(), org.springframework.http.MediaType.parseMediaType("application/zip"),
                "rehearsal-" + analysis.platform() + ".zip");
    }

    private static UploadOptions uploadOptions(java.util.Map<String, String> options) {
        var parsed = AnalysisOptions.parse(options, Instant.EPOCH);
        return new UploadOptions(parsed.platform(), parsed.mapping(), parsed.schemeHint(), parsed.inactiveDays());
    }
}
