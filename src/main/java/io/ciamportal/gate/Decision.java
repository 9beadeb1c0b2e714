package io.ciamportal.gate;

/** What a reviewer decides; {@code REVOKE} withdraws their own earlier approval. */
public enum Decision {
    APPROVE("Approve"),
    REQUEST_CHANGES("Request changes"),
    REJECT("Reject"),
    REVOKE("Revoke approval");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
