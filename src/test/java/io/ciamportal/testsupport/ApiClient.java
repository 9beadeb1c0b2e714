package io.ciamportal.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Calls the portal's JSON API over real HTTP, optionally with HTTP Basic. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Response(int status, String body, Map<String, Object> json, java.net.http.HttpHeaders headers) {

        /** The ETag header, as an edit sends it back in If-Match. */
        public String etag() {
            return headers.firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag in the answer"));
        }
    }

    public Response get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    /** A GET that carries a session cookie, for example a forged one. */
    public Response getWithCookie(String path, String cookie) {
        return send(request(path, null).header("Cookie", cookie).GET());
    }

    public Response post(String path, String authorization, String jsonBody) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response put(String path, String authorization, String jsonBody) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** A PUT based on a version: {@code ifMatch} is the ETag the resource was read with. */
    public Response put(String path, String authorization, String jsonBody, String ifMatch) {
        return send(request(path, authorization).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response patch(String path, String authorization, String jsonBody, String ifMatch) {
        return send(request(path, authorization).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response patch(String path, String authorization, String jsonBody) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** A POST of raw bytes (a file as the body). */
    public Response postBytes(String path, String authorization, byte[] body, String contentType) {
        return send(request(path, authorization).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart/form-data POST of files (name -> content), in order. */
    public Response postFiles(String path, String authorization, java.util.LinkedHashMap<String, byte[]> files) {
        String boundary = "----portal-test-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path, authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Response delete(String path, String authorization) {
        return send(request(path, authorization).DELETE());
    }

    /** The body parsed as a JSON array (for list endpoints). */
    @SuppressWarnings("unchecked")
    public static java.util.List<Map<String, Object>> list(Response response) {
        return JSON.readValue(response.body(), java.util.List.class);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String authorization) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    @SuppressWarnings("unchecked")
    private Response send(HttpRequest.Builder builder) {
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = Map.of();
            String body = response.body();
            if (body != null && body.startsWith("{")) {
                json = JSON.readValue(body, Map.class);
            }
            return new Response(response.statusCode(), body, json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
