package io.ciamportal.exports.api;

import io.ciamportal.exports.AnalysisJson;
import io.ciamportal.exports.ExportAnalysisService;
import io.ciamportal.exports.ExportFormatException;
import io.ciamportal.shared.api.ExportQueryParameters;
import io.ciamportal.shared.api.StreamedUploads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/export-analyses}: counts a user export and stores nothing. The body is the file itself (any
 * content type but multipart; name it with {@code ?name=}) or multipart files (one analysis of all of them). The
 * response is exactly the document {@code analyse-export --json} prints.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class ExportAnalysisApiController {

    private final ExportAnalysisService service;

    ExportAnalysisApiController(ExportAnalysisService service) {
        this.service = service;
    }

    @Operation(summary = "Analyse a user export and store nothing (analysts and admins)",
            description = "Send the export as the raw body (gzip is recognised from its content) with ?name=FILE, or as multipart/form-data "
                    + "with one or more files (an Auth0 export job and its password-hash file together, a Keycloak realm and its users-N "
                    + "files). Options as query parameters: platform (default: detected from the content), map (field=column pairs for an "
                    + "in-house export), scheme (of raw digests), inactiveDays (default 90). The response is the analysis document: counts "
                    + "only, each metric marked observed or not observable. A file that cannot be read: 400 naming the file and the line or "
                    + "byte offset.")
    @ExportQueryParameters
    @PostMapping(value = "/export-analyses", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> analyse(HttpServletRequest request) throws IOException {
        var options = StreamedUploads.query(request);
        var analyser = service.analyser(options);
        if (StreamedUploads.multipart(request)) {
            int files = StreamedUploads.readMultipart(request, options, analyser::add);
            if (files == 0) {
                throw new ExportFormatException("The multipart request holds no file.");
            }
        } else {
            analyser.add(options.getOrDefault("name", "upload"), request.getInputStream());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(AnalysisJson.write(analyser.finish()));
    }
}
