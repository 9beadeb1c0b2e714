package io.ciamportal.exports.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/** A JSON file kind: where its users are, and how one user object becomes a {@link UserRecord}. */
public abstract class JsonKind extends FileKind {

    /** Paths of the user objects: {@code ""} for one per line, {@code "*"} for a top-level array, {@code "users/*"} ... */
    protected abstract Set<String> userPaths();

    /**
     * The paths for this file. One object per line ({@code ""}) and a wrapper object ({@code "results/*"}) cannot be
     * told apart by path, since the wrapper is itself an object at the top: a kind that reads both picks by the
     * file's first bytes here (see {@link #linesOrWrapper}).
     */
    protected Set<String> userPaths(ExportStream stream) {
        return userPaths();
    }

    /** A top-level array, a wrapper object holding the users under {@code wrapper}, or else one user per line. */
    protected static Set<String> linesOrWrapper(ExportStream stream, String wrapper) {
        String head = stream.prefixText().stripLeading();
        if (head.startsWith("[")) {
            return Set.of("*");
        }
        if (java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(wrapper) + "\"\\s*:\\s*\\[").matcher(head).find()) {
            return Set.of(wrapper + "/*");
        }
        return Set.of("");
    }

    /**
     * The top-level properties of a user object this kind reads, or null for all. The walker builds only these (the
     * others are skipped without a tree), so a kind that names them must name every property it looks at, with
     * {@code has} too; a user whose properties are all unnamed still counts as a user, not as an empty record.
     */
    protected @Nullable Set<String> fields() {
        return null;
    }

    /**
     * True when {@link #user} reads nothing but the tree and fills nothing but the record (no session, no tally,
     * no state of its own): then a large file's users may be filled on worker threads and only counted here.
     */
    protected boolean threadSafe() {
        return false;
    }

    /**
     * A reader that fills the record straight from the bytes of one user object, exactly as {@link #user} does from
     * its tree, for a large file read on several threads ({@link JsonLines}); null (the default) when there is none.
     * Only for a {@link #threadSafe()} kind. A new one per call: each worker thread has its own.
     */
    protected JsonBytes.@Nullable Reader bytes(int maxNestingDepth) {
        return null;
    }

    /** Fills the record from one user object; leave the record untouched (and return false) to skip it. */
    protected abstract boolean user(JsonNode user, UserRecord record, Session session);

    /** The same, for kinds whose users differ by where they sit (people and machine users under one wrapper). */
    protected boolean user(String path, JsonNode user, UserRecord record, Session session) {
        return user(user, record, session);
    }

    /** A scalar outside the users (a realm name, a next-page token). */
    protected void scalar(String path, JsonParser parser, Session session) {}

    /** An object or array opens on the way to the users (see {@link JsonWalker.Visitor#open}). */
    protected void open(String path, boolean array, Session session) {}

    @Override
    public long read(ExportStream stream, Session session) {
        var record = new UserRecord();
        var tally = session.tally();
        return new JsonWalker(stream, userPaths(stream), fields(), new JsonWalker.Visitor() {
            @Override
            public void user(String path, JsonNode user) {
                user(path, user, user.size());
            }

            @Override
            public void user(String path, JsonNode user, int properties) {
                if (!user.isObject() || properties == 0) {
                    tally.emptyRecord();
                    return;
                }
                if (JsonKind.this.user(path, user, record, session)) {
                    target(session).add(record);
                } else {
                    record.reset();
                }
            }

            @Override
            public void scalar(String path, JsonParser parser) {
                JsonKind.this.scalar(path, parser, session);
            }

            @Override
            public JsonWalker.@Nullable Preparer preparer() {
                if (!threadSafe()) {
                    return null;
                }
                return new JsonWalker.Preparer() {
                    @Override
                    public boolean fill(JsonNode user, UserRecord r, boolean key) {
                        boolean add = JsonKind.this.user("", user, r, session);
                        if (add && key) {
                            r.keyWith(target(session).keyed());
                        }
                        return add;
                    }

                    @Override
                    public JsonBytes.@Nullable Reader bytes(int maxNestingDepth) {
                        return JsonKind.this.bytes(maxNestingDepth);
                    }

                    @Override
                    public void key(UserRecord r) {
                        r.keyWith(target(session).keyed());
                    }

                    @Override
                    public void count(UserRecord r, boolean add) {
                        if (add) {
                            target(session).add(r);
                        } else {
                            r.reset();
                        }
                    }

                    @Override
                    public void empty() {
                        tally.emptyRecord();
                    }
                };
            }

            @Override
            public void open(String path, boolean array) {
                JsonKind.this.open(path, array, session);
            }
        }).walk();
    }

    /** Where this kind's users are counted: the main tally, or its secondary for files that only add to others. */
    protected Tally target(Session session) {
        return session.tally();
    }
}
