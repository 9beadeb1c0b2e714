package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams a JSON file and hands each user object to a visitor as a small tree, wherever the platform puts its
 * users: one per line (NDJSON, path {@code ""}), in a top-level array ({@code "*"}), under a wrapper
 * ({@code "users/*"}, {@code "value/*"}, {@code "orgs/* /humanUsers/*"}). Only one user is in memory at a time;
 * scalars outside the users (a realm name, a next-page token) reach {@link Visitor#scalar}. Where an object could be
 * a user or a wrapper of users further down (the generic reader takes one object per line and
 * {@code {"users":[...]}} alike), its first property name decides.
 *
 * <p>A user's tree is built straight from the parser's tokens (no data-binding round trip), and only from the
 * properties its kind reads when the kind names them ({@link JsonKind#fields()}): the others are skipped unbuilt,
 * which is most of the cost of a user in a large export. A large file of one user after another is parsed on other
 * threads ({@link JsonLines}) and handed back here in file order.
 */
public final class JsonWalker {

    /** What the walker found. */
    public interface Visitor {
        void user(String path, JsonNode user);

        /** A user object with the number of properties it had in the file (the tree may hold only the ones read). */
        default void user(String path, JsonNode user, int properties) {
            user(path, user);
        }

        default void scalar(String path, JsonParser parser) {}

        /** An object or array opens at a path that leads to users (a realm in an array, the users array itself). */
        default void open(String path, boolean array) {}

        /** The part of handling a user that may run on another thread, or null when all of it stays here. */
        default @Nullable Preparer preparer() {
            return null;
        }
    }

    /**
     * A user handled in two steps, for {@link JsonLines}: {@link #fill} on a worker thread (it may touch nothing but
     * the tree and the record), {@link #count} on the caller's thread, in file order.
     */
    public interface Preparer {
        /**
         * Fills the record from the tree; false when it is not a user to count (the record is then reset). With
         * {@code key}, the keyed values of its id and email are worked out here too; without, the tally does it on
         * the caller's thread (same values).
         */
        boolean fill(JsonNode user, UserRecord record, boolean key);

        /** A reader that fills records from the bytes of a user object, for one worker thread, or null (see {@link JsonKind#bytes}). */
        default JsonBytes.@Nullable Reader bytes(int maxNestingDepth) {
            return null;
        }

        /** Works out the keyed values of a record the bytes reader filled ({@link #fill} with {@code key} does it for a tree). */
        default void key(UserRecord record) {}

        /** Counts a filled record (or, for {@code add} false, only resets it). */
        void count(UserRecord record, boolean add);

        /** An object without properties. */
        void empty();
    }

    private final ExportStream stream;
    private final Set<String> userPaths;
    private final Set<String> prefixes = new HashSet<>();
    /** user paths whose objects may instead wrap users under a named property ("" when "users/*" is a user path too) */
    private final Set<String> wrappers = new HashSet<>();
    private final Visitor visitor;
    private final JsonFactory factory;
    private final @Nullable Set<String> fields;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private long records;
    /** where the user record being read starts, for a message about it */
    private @Nullable TokenStreamLocation userAt;
    /** Reading through {@link JsonLines}: its reader thread owns the stream, so the walk leaves the record marks alone. */
    private boolean pipelined;
    /** where the parser's first byte sits in the content (a value {@link JsonLines} hands back is parsed on its own) */
    private long baseLine = 1;
    private long baseColumn = 1;
    private long baseOffset;

    public JsonWalker(ExportStream stream, Set<String> userPaths, Visitor visitor) {
        this(stream, userPaths, null, visitor);
    }

    /** {@code fields}: the top-level properties of a user to build (null: all). */
    public JsonWalker(ExportStream stream, Set<String> userPaths, @Nullable Set<String> fields, Visitor visitor) {
        this.stream = stream;
        this.userPaths = userPaths;
        // a HashSet: names the parser hands out keep their hash, so a lookup is one probe
        this.fields = fields == null ? null : new HashSet<>(fields);
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
        this.factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxRecordBytes())
                .maxNameLength(64 * 1024)
                .maxNumberLength(400)
                .build()).disable(tools.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    }

    /** Reads the whole file; returns the number of user records seen. */
    public long walk() {
        // a large file of one value after another, none of them a possible wrapper: parsed on other threads
        if (!topMayWrap() && JsonLines.applies(stream, userPaths)) {
            pipelined = true;
            Preparer preparer = visitor.preparer();
            new JsonLines(stream, factory, fields, this, preparer).run(new JsonLines.Consumer() {
                @Override
                public void user(JsonNode user, int properties, JsonLines.Where where) {
                    records++;
                    try {
                        visitor.user("", user, properties);
                    } catch (JsonNodeException e) {
                        throw unexpectedType(where.get());
                    }
                }

                @Override
                public void other(JsonParser parser, JsonToken token, long line, long column, long offset) {
                    baseLine = line;
                    baseColumn = column;
                    baseOffset = offset;
                    try {
                        value(parser, token, "");
                    } finally {
                        baseLine = 1;
                        baseColumn = 1;
                        baseOffset = 0;
                    }
                }

                @Override
                public void prepared(UserRecord record, boolean add, boolean empty) {
                    records++;
                    if (empty) {
                        preparer.empty();
                    } else {
                        preparer.count(record, add);
                    }
                }
            });
            return records;
        }
        JsonParser parser;
        try {
            parser = factory.createParser(ObjectReadContext.empty(), stream.content());
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

    /**
     * Whether a top-level object may be a wrapper of users rather than a user ({@code ""} and {@code "users/*"} both
     * user paths): then its first name decides, which the one-thread walk does.
     */
    private boolean topMayWrap() {
        if (!wrappers.contains("")) {
            return false;
        }
        for (String p : prefixes) {
            if (!p.isEmpty() && !p.startsWith("*")) {
                return true;
            }
        }
        for (String p : userPaths) {
            if (!p.isEmpty() && !p.startsWith("*")) {
                return true;
            }
        }
        return false;
    }

    /** A parse error, a broken limit or unreadable bytes as a message about the file: where, never what. */
    ExportFormatException failure(JacksonException e, @Nullable TokenStreamLocation parserAt) {
        TokenStreamLocation at = shifted(e.getLocation() == null || e.getLocation() == TokenStreamLocation.NA ? parserAt : e.getLocation());
        if (e instanceof StreamConstraintsException constraints) {
            return new ExportFormatException(stream.name() + ": " + constraint(constraints) + where(at) + ".");
        }
        if (e.getCause() instanceof ExportStream.LimitException limit && limit.record() && userAt != null) {
            return new ExportFormatException(stream.name() + ": the user record" + where(shifted(userAt)) + " is longer than "
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

    /** The same for a parser that started at the given line, column and content offset ({@link JsonLines}). */
    ExportFormatException failure(JacksonException e, long line, long column, long offset) {
        baseLine = line;
        baseColumn = column;
        baseOffset = offset;
        try {
            return failure(e, null);
        } finally {
            baseLine = 1;
            baseColumn = 1;
            baseOffset = 0;
        }
    }

    ExportFormatException unexpectedType(@Nullable TokenStreamLocation at) {
        return new ExportFormatException(stream.name() + ": the user record" + where(at)
                + " holds a value of a type the reader does not expect (is this the platform's own export?).");
    }

    /** A location of the parser at hand, as a location in the content. */
    private @Nullable TokenStreamLocation shifted(@Nullable TokenStreamLocation at) {
        return shifted(at, baseLine, baseColumn, baseOffset);
    }

    static @Nullable TokenStreamLocation shifted(@Nullable TokenStreamLocation at, long line, long column, long offset) {
        if (at == null || at == TokenStreamLocation.NA || (line == 1 && column == 1 && offset == 0)) {
            return at;
        }
        long l = at.getLineNr() + line - 1;
        long c = at.getLineNr() == 1 ? at.getColumnNr() + column - 1 : at.getColumnNr();
        long b = at.getByteOffset() < 0 ? -1 : at.getByteOffset() + offset;
        return new TokenStreamLocation(at.contentReference(), b, -1, (int) Math.min(Integer.MAX_VALUE, l), (int) Math.min(Integer.MAX_VALUE, c));
    }

    private void value(JsonParser parser, JsonToken token, String path) {
        if (token == JsonToken.START_OBJECT && userPaths.contains(path)) {
            mark();
            userAt = parser.currentTokenLocation();
            boolean atFirst = false;
            if (wrappers.contains(path)) {
                // a user here, or a wrapper of users further down ({"users":[...]}): its first name tells
                JsonToken first = parser.nextToken();
                if (first == JsonToken.PROPERTY_NAME && leadsToUsers(path, parser.currentName())) {
                    userAt = null;
                    visitor.open(path, false);
                    properties(parser, path, true);
                    return;
                }
                atFirst = first == JsonToken.PROPERTY_NAME;
            }
            // from its start or its first name, the rest of the object is read as one tree
            int[] properties = {0};
            ObjectNode user = parser.currentToken() == JsonToken.END_OBJECT ? nodes.objectNode() : object(parser, fields, properties, atFirst);
            // the stream's guard allows for read-ahead; here the record's own bytes are known exactly
            long start = userAt == null ? -1 : userAt.getByteOffset();
            long end = parser.currentLocation().getByteOffset();
            if (start >= 0 && end - start > stream.limits().maxRecordBytes()) {
                throw new ExportFormatException(stream.name() + ": the user record" + where(shifted(userAt)) + " is longer than "
                        + stream.limits().maxRecordBytes() + " bytes (portal.exports.max-record-bytes): is this a user export?");
            }
            records++;
            try {
                visitor.user(path, user, properties[0]);
            } catch (JsonNodeException e) {
                throw unexpectedType(shifted(userAt));
            }
            userAt = null;
            mark();
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
                    mark();
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

    private void mark() {
        if (!pipelined) {
            stream.recordStarts(stream.contentBytes());
        }
    }

    /** The properties of an object not read as a user; {@code atFirst}: the parser is on the first name already. */
    private void properties(JsonParser parser, String path, boolean atFirst) {
        for (boolean more = atFirst || parser.nextToken() == JsonToken.PROPERTY_NAME; more;
                more = parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken next = parser.nextToken();
            mark();
            String child = path.isEmpty() ? name : path + "/" + name;
            value(parser, next, child.length() > 200 ? "~" : child);
        }
    }

    /**
     * An object from its tokens: the parser is on its START_OBJECT, or ({@code atFirst}) on its first property name.
     * With {@code only}, the other properties are skipped unbuilt; {@code properties[0]} counts them all. Safe to
     * call from several threads (it keeps no state).
     */
    ObjectNode object(JsonParser parser, @Nullable Set<String> only, int[] properties, boolean atFirst) {
        return object(parser, only, properties, atFirst, true);
    }

    /**
     * The same; {@code measure} false leaves skipped strings undecoded (the parser still checks their bytes and
     * escapes as it passes them). Only for a value known to be at most the record limit long in bytes
     * ({@link JsonLines} cuts them so), since then none of its strings can break the string limit, which is the same
     * number of characters.
     */
    ObjectNode object(JsonParser parser, @Nullable Set<String> only, int[] properties, boolean atFirst, boolean measure) {
        ObjectNode node = new ObjectNode(nodes, new SmallMap());
        String name = atFirst ? parser.currentName() : parser.nextName();
        for (; name != null; name = parser.nextName()) {
            properties[0]++;
            JsonToken token = parser.nextToken();
            if (only != null && !reads(only, name)) {
                if (measure) {
                    skip(parser, token);
                } else {
                    parser.skipChildren();
                }
                continue;
            }
            node.set(name, tree(parser, token));
        }
        return node;
    }

    /** A name and whether the kind reads it, as last looked up (immutable: safe to share between the worker threads). */
    private record Seen(String name, boolean read) {}

    /** The last name looked up in each slot, by the name's hash; the parser hands out one String per distinct name. */
    private final Seen[] seen = new Seen[256];

    /**
     * Whether {@code only} holds {@code name}: the parser's names are canonical (one String per distinct name), so
     * the answer for the same String object is remembered, and most names are answered by a reference check
     * instead of a hash lookup and a comparison of characters. A slot may be overwritten by another thread: it then
     * holds another name, and the set answers. {@code only} is always this walker's fields (the one set of names it
     * builds; {@link JsonLines} hands the kind's set of the same names).
     */
    private boolean reads(Set<String> only, String name) {
        int slot = name.hashCode() & (seen.length - 1);
        Seen last = seen[slot];
        if (last != null && last.name == name) {
            return last.read;
        }
        boolean read = only.contains(name);
        seen[slot] = new Seen(name, read);
        return read;
    }

    /**
     * Skips a value without building it; its strings are still measured, so the string limit refuses a skipped one
     * as it would a read one (measuring decodes the string but makes no object of it).
     */
    private static void skip(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            parser.getStringLength();
        } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            int depth = 1;
            while (depth > 0) {
                JsonToken next = parser.nextToken();
                if (next == null) {
                    return;
                }
                switch (next) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING -> parser.getStringLength();
                    default -> { }
                }
            }
        }
    }

    private JsonNode tree(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> object(parser, null, new int[1], false);
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(tree(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.stringNode(parser.getString());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> nodes.missingNode();
        };
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

    static String where(long line, long column, long offset) {
        return " at line " + line + ", column " + column + " (byte offset " + offset + ")";
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

    long records() {
        return records;
    }

    /** The parser factory with the file's limits (tests read single values with it, as {@link JsonLines} does). */
    JsonFactory factory() {
        return factory;
    }
}
