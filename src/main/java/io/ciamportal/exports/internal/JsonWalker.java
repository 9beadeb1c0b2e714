package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a JSON file and hands each user object to a visitor as a small tree, wherever the platform puts its
 * users: one per line (NDJSON, path {@code ""}), in a top-level array ({@code "*"}), under a wrapper
 * ({@code "users/*"}, {@code "value/*"}, {@code "orgs/* /humanUsers/*"}). Only one user is in memory at a time;
 * scalars outside the users (a realm name, a next-page token) reach {@link Visitor#scalar}. Where an object could be
 * a user or a wrapper of users further down (the generic reader takes one object per line and
 * {@code {"users":[...]}} alike), its first property name decides.
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
    /** user paths whose objects may instead wrap users under a named property ("" when "users/*" is a user path too) */
    private final Set<String> wrappers = new HashSet<>();
    private final Visitor visitor;
    private final JsonMapper mapper;
    private long records;
    /** where the user record being read starts, for a message about it */
    private @Nullable TokenStreamLocation userAt;

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
            String[] segments = path.split("/");
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].equals("*")) {
                    wrappers.add(String.join("/", java.util.Arrays.copyOf(segments, i)));
                }
            }
        }
        wrappers.retainAll(userPaths);
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
        JsonParser parser;
        try {
            parser = mapper.createParser(stream.content());
        } catch (JacksonException e) {
            throw failure(e, null);
        }
        try (parser) {
            try {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    value(parser, token, "");
                }
            } catch (JacksonException e) {
                // located while the parser is open: closing it forgets where it was
                throw failure(e, parser.currentLocation());
            }
        } catch (JacksonException closing) {
            throw failure(closing, null);
        }
        return records;
    }

    /** A parse error, a broken limit or unreadable bytes as a message about the file: where, never what. */
    private ExportFormatException failure(JacksonException e, @Nullable TokenStreamLocation parserAt) {
        TokenStreamLocation at = e.getLocation() == null || e.getLocation() == TokenStreamLocation.NA ? parserAt : e.getLocation();
        if (e instanceof StreamConstraintsException constraints) {
            return new ExportFormatException(stream.name() + ": " + constraint(constraints) + where(at) + ".");
        }
        if (e.getCause() instanceof ExportStream.LimitException limit && limit.record() && userAt != null) {
            return new ExportFormatException(stream.name() + ": the user record" + where(userAt) + " is longer than "
                    + stream.limits().maxRecordBytes() + " bytes (portal.exports.max-record-bytes): is this a user export?");
        }
        if (e.getCause() instanceof java.io.IOException io) {
            return stream.translate(io);
        }
        String message = String.valueOf(e.getOriginalMessage());
        String what = e.getClass().getSimpleName().contains("EOF") || message.contains("end-of-input")
                ? "the JSON ends in the middle of a value (is the file truncated?)"
                : message.contains("Invalid UTF-8") ? "not UTF-8 text" : "not valid JSON";
        return new ExportFormatException(stream.name() + ": " + what + where(at) + ".");
    }

    private void value(JsonParser parser, JsonToken token, String path) {
        if (token == JsonToken.START_OBJECT && userPaths.contains(path)) {
            stream.recordStarts(stream.contentBytes());
            userAt = parser.currentTokenLocation();
            if (wrappers.contains(path)) {
                // a user here, or a wrapper of users further down ({"users":[...]}): its first name tells
                JsonToken first = parser.nextToken();
                if (first == JsonToken.PROPERTY_NAME && leadsToUsers(path, parser.currentName())) {
                    userAt = null;
                    visitor.open(path, false);
                    properties(parser, path, true);
                    return;
                }
            }
            // from its start or its first name, the rest of the object is read as one tree
            JsonNode user = parser.currentToken() == JsonToken.END_OBJECT ? mapper.createObjectNode() : parser.readValueAsTree();
            records++;
            try {
                visitor.user(path, user);
            } catch (JsonNodeException e) {
                throw new ExportFormatException(stream.name() + ": the user record" + where(userAt)
                        + " holds a value of a type the reader does not expect (is this the platform's own export?).");
            }
            userAt = null;
            stream.recordStarts(stream.contentBytes());
            return;
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && prefixes.contains(path)) {
            visitor.open(path, token == JsonToken.START_ARRAY);
        }
        switch (token) {
            case START_OBJECT -> properties(parser, path, false);
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

    /** The properties of an object not read as a user; {@code atFirst}: the parser is on the first name already. */
    private void properties(JsonParser parser, String path, boolean atFirst) {
        for (boolean more = atFirst || parser.nextToken() == JsonToken.PROPERTY_NAME; more;
                more = parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken next = parser.nextToken();
            stream.recordStarts(stream.contentBytes());
            String child = path.isEmpty() ? name : path + "/" + name;
            value(parser, next, child.length() > 200 ? "~" : child);
        }
    }

    private boolean leadsToUsers(String path, String name) {
        String child = path.isEmpty() ? name : path + "/" + name;
        return prefixes.contains(child) || userPaths.contains(child);
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

    static String where(@Nullable TokenStreamLocation location) {
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
