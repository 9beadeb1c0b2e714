package io.ciamportal.migration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The security gates as the migration report shows them; the gates feature implements it. */
public interface GateSummaries {

    /** One gate for the report: title, status, approvals, and one line per sign-off. */
    record GateSummary(String title, String status, long approvals, int requiredApprovals, List<String> signOffs) {}

    /** The migration's six gates, in the product's order, after the caller's membership was checked. */
    List<GateSummary> forReport(UUID migrationId);

    /**
     * Gates whose live approvals were given on another assessment than {@code now} (a vendor fact changed a verdict or
     * the strategy): gate title -> what changed, in words. The sign-offs stay valid; the reviewers decide.
     */
    Map<String, List<String>> assessmentChanges(UUID migrationId, Assessment now);
}
