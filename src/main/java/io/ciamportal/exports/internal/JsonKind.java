package io.ciamportal.exports.internal;

import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/** A JSON file kind: where its users are, and how one user object becomes a {@link UserRecord}. */
public abstract class JsonKind extends FileKind {

    /** Paths of the user objects: {@code ""} for one per line, {@code "*"} for a top-level array, {@code "users/*"} ... */
    protected abstract Set<String> userPaths();

    /** Fills the record from one user object; leave the record untouched (and return false) to skip it. */
    protected abstract boolean user(JsonNode user, UserRecord record, Session session);

    /** A scalar outside the users (a realm name, a next-page token). */
    protected void scalar(String path, JsonParser parser, Session session) {}

    @Override
    public long read(ExportStream stream, Session session) {
        var record = new UserRecord();
        var tally = session.tally();
        return new JsonWalker(stream, userPaths(), new JsonWalker.Visitor() {
            @Override
            public void user(String path, JsonNode user) {
                if (!user.isObject() || user.isEmpty()) {
                    tally.emptyRecord();
                    return;
                }
                if (JsonKind.this.user(user, record, session)) {
                    target(session).add(record);
                } else {
                    record.reset();
                }
            }

            @Override
            public void scalar(String path, JsonParser parser) {
                JsonKind.this.scalar(path, parser, session);
            }
        }).walk();
    }

    /** Where this kind's users are counted: the main tally, or its secondary for files that only add to others. */
    protected Tally target(Session session) {
        return session.tally();
    }
}
