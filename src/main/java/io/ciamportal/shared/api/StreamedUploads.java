package io.ciamportal.shared.api;

import io.ciamportal.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads an upload as a stream: a multipart request part by part (each file handed over as it arrives, never spooled
 * to disk), or a raw body as one file named by the {@code name} query parameter. Options come from the query string
 * and from text fields sent before the first file; the request's parameters are never touched, because asking the
 * servlet container for them would make it store the whole body first.
 */
public final class StreamedUploads {

    private StreamedUploads() {}

    /** Receives each file of the upload in order. */
    @FunctionalInterface
    public interface FileReceiver {
        void file(String name, InputStream content) throws IOException;
    }

    /** The query string's parameters (first value of each). */
    public static Map<String, String> query(HttpServletRequest request) {
        var out = new LinkedHashMap<String, String>();
        String q = request.getQueryString();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    public static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Reads a multipart upload: text fields before the first file are added to {@code options} (at most 4 KiB each),
     * each file goes to the receiver. Returns the number of files.
     */
    public static int readMultipart(HttpServletRequest request, Map<String, String> options, FileReceiver receiver) throws IOException {
        var upload = new JakartaServletFileUpload<>();
        int files = 0;
        var items = upload.getItemIterator(request);
        while (items.hasNext()) {
            FileItemInput item = items.next();
            if (item.isFormField()) {
                if (files > 0) {
                    throw new InvalidInputException(item.getFieldName(), "Send option fields before the files (or as query parameters).");
                }
                try (InputStream in = item.getInputStream()) {
                    byte[] value = in.readNBytes(4097);
                    if (value.length > 4096) {
                        throw new InvalidInputException(item.getFieldName(), "An option field holds at most 4 KiB.");
                    }
                    options.putIfAbsent(item.getFieldName(), new String(value, StandardCharsets.UTF_8));
                }
            } else {
                files++;
                try (InputStream in = item.getInputStream()) {
                    receiver.file(item.getName() == null ? "upload" : item.getName(), in);
                }
            }
        }
        return files;
    }
}
