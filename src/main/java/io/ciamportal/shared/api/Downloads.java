package io.ciamportal.shared.api;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file the browser saves and never renders: attachment, no type sniffing, a sandboxing policy if opened anyway. */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .contentType(type)
                .body(body);
    }
}
