package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a JSON file and hands each user object to a visitor as a small tree, wherever the platform puts its
 * users: one per line (NDJSON, path {@code ""}), in a top-level array ({@code "*"}), under a wrapper
 * ({@code "users/*"}, {@code "value/*"}, {@code "orgs/* /humanUsers/*"}). Only one user is in memory at a time;
 * scalars outside the users (a realm name, a next-page token) reach {@link Visitor#scalar}.
 */
public final class JsonWalker {

    /** What the walker found. */
    public interface Visitor {
        void user(String path, JsonNode user);

        default void scalar(String path, JsonParser parser) {}

        /** An object or array opens at a path that leads to users (a realm in an array, the users array itself). */
        default void open(String path, boolean array) {}
    }

    private final ExportStream stream;
    private final Set<String> userPaths;
    private final Set<String> prefixes = new HashSet<>();
    private final Visitor visitor;
    private final JsonMapper mapper;
    private long records;

    public JsonWalker(ExportStream stream, Set<String> userPaths, Visitor visitor) {
        this.stream = stream;
        this.userPaths = userPaths;
        this.visitor = visitor;
        for (String path : userPaths) {
            String p = path;
            while (p.contains("/")) {
                p = p.substring(0, p.lastIndexOf('/'));
                prefixes.add(p);
            }
            if (!path.isEmpty()) {
                prefixes.add("");
            }
        }
        var limits = stream.limits();
        var factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxRecordBytes())
                .maxNameLength(64 * 1024)
                .maxNumberLength(400)
                .build()).disable(tools.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /** Reads the whole file; returns the number of user records seen. */
    public long walk() {
        try (JsonParser parser = mapper.createParser(stream.content())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                value(parser, token, "");
            }
        } catch (StreamConstraintsException e) {
            throw new ExportFormatException(stream.name() + ": " + constraint(e) + where(e.getLocation()) + ".");
        } catch (JacksonException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw stream.translate(io);
            }
            String what = e.getClass().getSimpleName().contains("EOF") || String.valueOf(e.getOriginalMessage()).contains("end-of-input")
                    ? "the JSON ends in the middle of a value (is the file truncated?)"
                    : "not valid JSON";
            throw new ExportFormatException(stream.name() + ": " + what + where(e.getLocation()) + ".");
        }
        return records;
    }

    private void value(JsonParser parser, JsonToken token, String path) {
        if (token == JsonToken.START_OBJECT && userPaths.contains(path)) {
            stream.recordStarts(stream.contentBytes());
            JsonNode user = parser.readValueAsTree();
            records++;
            visitor.user(path, user);
            stream.recordStarts(stream.contentBytes());
            return;
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && prefixes.contains(path)) {
            visitor.open(path, token == JsonToken.START_ARRAY);
        }
        switch (token) {
            case START_OBJECT -> {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken next = parser.nextToken();
                    stream.recordStarts(stream.contentBytes());
                    String child = path.isEmpty() ? name : path + "/" + name;
                    value(parser, next, child.length() > 200 ? "~" : child);
                }
            }
            case START_ARRAY -> {
                String child = path.isEmpty() ? "*" : path + "/*";
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        return;
                    }
                    stream.recordStarts(stream.contentBytes());
                    value(parser, next, child);
                }
            }
            default -> {
                if (prefixes.contains(parentOf(path)) || path.indexOf('/') < 0) {
                    visitor.scalar(path, parser);
                }
            }
        }
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private String constraint(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "the JSON nests deeper than " + stream.limits().maxNestingDepth() + " levels (portal.exports.max-nesting-depth)";
        }
        if (message.contains("String value length")) {
            return "a JSON string is longer than " + stream.limits().maxRecordBytes() + " characters (portal.exports.max-record-bytes)";
        }
        return "the JSON breaks a size limit (a name or number far too long)";
    }

    static String where(TokenStreamLocation location) {
        if (location == null || location == TokenStreamLocation.NA) {
            return "";
        }
        var out = new StringBuilder(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        if (location.getByteOffset() >= 0) {
            out.append(" (byte offset ").append(location.getByteOffset()).append(')');
        }
        return out.toString();
    }
}
