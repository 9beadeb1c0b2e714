package io.ciamportal.migration.claims;

/** What a token is, as far as its header and claims tell (the member does not have to say). */
public enum TokenKind {
    ID("ID token"),
    ACCESS("access token"),
    UNKNOWN("token");

    private final String label;

    TokenKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
