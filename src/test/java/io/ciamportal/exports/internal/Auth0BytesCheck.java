package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportLimits;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;

/**
 * One Auth0 export-job object read both ways, the byte reader ({@link Auth0Bytes}) and the parser with the tree
 * ({@link JsonWalker#object} and {@link Auth0Kinds.ExportJson#user}, what {@link JsonLines} does without the reader),
 * and the rule between them: whatever the byte reader accepts (filled, empty, or left to the tree), the parser accepts
 * too, and a record the byte reader filled is the record the tree fills, field for field. Where the byte reader gives
 * up, anything goes: the parser reads that batch. Not thread-safe; one per test or fuzz run.
 */
public final class Auth0BytesCheck {

    /** What the byte reader did with an input. */
    public enum Outcome { FILLED, EMPTY, TREE, GIVEN_UP }

    private final ExportLimits limits;
    private final Auth0Bytes reader;
    private final JsonWalker walker;
    private final Auth0Kinds.ExportJson kind = new Auth0Kinds.ExportJson();
    private final Session session = new Session(new Tally(new Keyed(1, 2), Instant.parse("2026-12-01T00:00:00Z"), 90), Map.of(), null);
    private final UserRecord viaBytes = new UserRecord();
    private final UserRecord viaTree = new UserRecord();

    public Auth0BytesCheck(ExportLimits limits) {
        this.limits = limits;
        this.reader = new Auth0Bytes(limits.maxNestingDepth());
        var stream = new ExportStream("check", new ByteArrayInputStream(new byte[0]), limits);
        this.walker = new JsonWalker(stream, Set.of(""), Auth0Kinds.ExportJson.FIELDS, new JsonWalker.Visitor() {
            @Override
            public void user(String path, JsonNode user) {}
        });
    }

    public Auth0BytesCheck() {
        this(ExportLimits.defaults());
    }

    /**
     * Reads the input both ways and checks the rule (AssertionError when it breaks). The byte reader starts at the
     * first byte that is not white space, as {@link JsonLines} hands it a value; what follows the object is not its
     * business (the batch's own check), so the parser reads the object's bytes alone.
     */
    public Outcome check(byte[] input) {
        int at = JsonBytes.ws(input, 0, input.length);
        if (at >= input.length || input[at] != '{') {
            return Outcome.GIVEN_UP;
        }
        viaBytes.reset();
        int outcome = reader.read(input, at, input.length, viaBytes);
        if (outcome == JsonBytes.Reader.GIVE_UP) {
            return Outcome.GIVEN_UP;
        }
        int end = reader.end;
        if (end <= at || end > input.length || input[end - 1] != '}') {
            throw new AssertionError("the object ends at " + end + ", not after a closing brace: " + show(input));
        }
        String tree = tree(input, at, end);
        switch (outcome) {
            case JsonBytes.Reader.FILLED -> {
                String bytes = describe(viaBytes);
                if (!bytes.equals(tree)) {
                    throw new AssertionError("the byte reader filled\n  " + bytes + "\nthe tree\n  " + tree + "\nfrom " + show(input));
                }
                if (reader.properties != properties) {
                    throw new AssertionError(reader.properties + " properties counted, the tree walk counted " + properties + ": " + show(input));
                }
                return Outcome.FILLED;
            }
            case JsonBytes.Reader.EMPTY -> {
                if (!tree.equals("empty")) {
                    throw new AssertionError("the byte reader saw no properties, the tree: " + tree + " in " + show(input));
                }
                return Outcome.EMPTY;
            }
            case JsonBytes.Reader.TREE -> {
                if (tree.startsWith("refused")) {
                    throw new AssertionError("the byte reader passed JSON the parser refuses (" + tree + "): " + show(input));
                }
                if (!describe(viaBytes).equals(describe(new UserRecord()))) {
                    throw new AssertionError("a record left to the tree must be reset: " + describe(viaBytes));
                }
                return Outcome.TREE;
            }
            default -> throw new AssertionError("outcome " + outcome);
        }
    }

    private int properties;

    /** The record the tree fills from {@code b[from, to)}, "empty", "refused: ..." or "unexpected type". */
    private String tree(byte[] b, int from, int to) {
        viaTree.reset();
        properties = -1;
        try (JsonParser parser = walker.factory().createParser(ObjectReadContext.empty(), b, from, to - from)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "refused: not an object";
            }
            int[] count = {0};
            JsonNode tree = walker.object(parser, Auth0Kinds.ExportJson.FIELDS, count, false, false);
            if (parser.nextToken() != null) {
                return "refused: more after the object";
            }
            properties = count[0];
            if (count[0] == 0) {
                return "empty";
            }
            try {
                kind.user(tree, viaTree, session);
            } catch (tools.jackson.databind.exc.JsonNodeException e) {
                return "unexpected type";
            }
            return describe(viaTree);
        } catch (JacksonException e) {
            return "refused: " + e.getOriginalMessage();
        }
    }

    /** Every field of a record, as text to compare. */
    public static String describe(UserRecord r) {
        return "id=" + show(r.id) + " email=" + show(r.email) + " verified=" + r.emailVerified + " password=" + r.passwordObserved + "/" + r.hash
                + "/" + r.passwordWithoutHash + " mfa=" + r.mfaObserved + "/" + r.mfaFactors + "/" + r.totpSecretInFile + " last=" + r.lastSignInObserved
                + "/" + r.lastSignInMillis + " providers=" + r.providersObserved + "/" + r.providers.stream().map(Auth0BytesCheck::show).toList()
                + " federated=" + r.federated + " passwordless=" + r.passwordlessObserved + "/" + r.passwordless + " attributes=" + r.attributesObserved
                + "/" + r.attributeKeys.stream().map(Auth0BytesCheck::show).toList() + " tenants=" + r.tenantsObserved + "/" + r.tenants + " orgs="
                + r.organizationsObserved + "/" + r.organizations + " groups=" + r.groupsObserved + "/" + r.groups + " blocked=" + r.blocked
                + " service=" + r.serviceAccount;
    }

    /** A text with every character outside printable ASCII as a code (so two texts that differ show it). */
    private static String show(String s) {
        if (s == null) {
            return "null";
        }
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    private static String show(byte[] input) {
        var text = new String(input, 0, Math.min(input.length, 600), java.nio.charset.StandardCharsets.ISO_8859_1);
        return show(text) + (input.length > 600 ? "..." : "");
    }

    public ExportLimits limits() {
        return limits;
    }
}
