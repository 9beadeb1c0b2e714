package io.ciamportal.migration.claims;

/** What became of one claim between the old platform's token and the new one's, most urgent first. */
public enum ClaimVerdict {
    /** In the old token, not in the new one, and no claim of the new one carries its value. */
    MISSING("missing", true),
    /** Another JSON type: a string became an array, a number became a string. */
    TYPE_CHANGED("type changed", true),
    /** Same type, another kind of value: {@code sub} from an Auth0 id ({@code auth0|…}) to a UUID. */
    FORMAT_CHANGED("format changed", true),
    /** A claim that should match holds another value (email, roles, a custom claim). */
    VALUE_DIFFERS("value differs", true),
    /** Another issuer: every app and API that validates tokens must trust it and its keys. */
    ISSUER_CHANGED("issuer changed", true),
    /** Other audiences: APIs that check {@code aud} refuse the token until they accept the new value. */
    AUDIENCE_CHANGED("audience changed", true),
    /** The token lives for another time ({@code exp} − {@code iat}): sessions and refresh timing change. */
    LIFETIME_CHANGED("lifetime changed", true),
    /** Signed with another algorithm (header {@code alg}): validating libraries must allow it. */
    ALGORITHM_CHANGED("algorithm changed", true),
    /** The same value under another name ({@code https://example.com/roles} → {@code roles}). */
    RENAMED("renamed", true),
    /** In the new token only. */
    ADDED("added", false),
    /** Differs per token by design (jti, iat, nonce, sid, at_hash…), with the same type and format. */
    EXPECTED("differs as expected", false),
    SAME("same", false);

    private final String label;
    private final boolean review;

    ClaimVerdict(String label, boolean review) {
        this.label = label;
        this.review = review;
    }

    public String label() {
        return label;
    }

    /** Whether someone should look at it before cutover. */
    public boolean review() {
        return review;
    }
}
