package io.ciamportal.vendor;

import java.util.List;

/**
 * The fixed value lists of vendor facts, in display order. The dataset validator, the selector's questions and the
 * API's option lists all read them from here, so a new region or attestation is added in one place.
 */
public final class Vocabulary {

    public static final List<String> PRICING_MODELS = List.of("PER_MAU", "PER_ORGANIZATION", "USAGE", "FLAT", "OPEN_SOURCE", "QUOTE");
    public static final List<String> AUDIENCES = List.of("B2C", "B2B", "B2B2C");
    /** {@code ANY} marks a self-hostable vendor: it runs wherever you run it. */
    public static final List<String> REGIONS = List.of("US", "EU", "UK", "CA", "AU", "JP", "IN", "SG", "BR", "CH", "ANY");
    public static final List<String> ATTESTATIONS = List.of("SOC2", "ISO27001", "ISO27017", "ISO27018", "HIPAA", "PCI_DSS",
            "FEDRAMP", "GDPR", "CSA_STAR");

    private Vocabulary() {}
}
