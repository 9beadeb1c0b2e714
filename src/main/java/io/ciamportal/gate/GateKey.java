package io.ciamportal.gate;

import java.util.List;

/** The six security gates of every migration, with the criteria a reviewer needs to see for each. */
public enum GateKey {
    CREDENTIAL_TRANSIT("credential-transit", "Credential security in transit",
            "Password hashes, TOTP secrets and exports move without ever being readable on the way.",
            List.of("Every export of hashes or secrets is encrypted end to end (for example PGP with a 4096-bit key) and the key holders are named",
                    "Export files are kept only in an access-controlled store and deleted after the import, with the deletion recorded",
                    "Import credentials and API keys are scoped to the migration, stored in a vault and rotated afterwards",
                    "The just-in-time hook calls the old platform over TLS with a dedicated, least-privilege credential")),
    AUDIT_CONTINUITY("audit-continuity", "Audit continuity",
            "The sign-in and admin history stays complete and provable across the move.",
            List.of("The old platform's audit logs are exported for the full retention period before decommission",
                    "The archive is read-only, its integrity is provable (hashes or write-once storage), and its location is recorded",
                    "Audit logging on the destination is on from the first imported user and feeds the same monitoring",
                    "The overlap window during dual-run is covered by logs from both platforms")),
    ROLLBACK("rollback", "Rollback",
            "There is a tested way back to the old platform for a defined window.",
            List.of("The old platform stays read-only and able to serve sign-ins for the whole rollback window",
                    "The rollback steps (DNS, application configuration, redirect URIs) are written down and were rehearsed",
                    "Users created or changed on the destination during the window can be carried back or are accounted for",
                    "Who decides a rollback, and on which signals, is agreed")),
    DOWNTIME_BLAST_RADIUS("downtime-blast-radius", "Downtime and blast radius",
            "The cutover fits the downtime tolerance, and a failure hurts as few users as possible.",
            List.of("The cutover plan states the expected sign-in downtime and it is within the inventory's tolerance",
                    "Traffic moves in stages (a pilot group, a percentage, one application at a time) with a stop condition",
                    "Rate limits, email and SMS quotas of the destination are sized for the re-sign-in and reset waves",
                    "Support and the status page are staffed and briefed for the cutover window")),
    RESIDENCY_COMPLIANCE("residency-compliance", "Data residency and compliance",
            "User data stays where it must, and the destination meets the required attestations.",
            List.of("The destination stores and processes user data in the required residency region, and the evidence names the region",
                    "The destination's attestations (for example SOC 2, ISO 27001) cover the services used, with current reports",
                    "A data processing agreement with the destination is signed and the records of processing are updated",
                    "Consent records and their history move intact, and the old copies are deleted when no longer needed")),
    REAUTH_MFA_REENROLLMENT("reauth-mfa-reenrollment", "Forced re-authentication and MFA re-enrollment",
            "Users who must sign in again, reset a password or re-enroll MFA are guided and kept safe.",
            List.of("The number of users facing a reset or MFA re-enrollment is known and they are told in advance",
                    "Reset and re-enrollment flows are protected against account takeover (verified email or phone, rate limits)",
                    "Users without MFA during the grace period are limited to low-risk actions, or the grace period is justified",
                    "Help-desk procedures for locked-out users verify identity before any reset"));

    private final String key;
    private final String title;
    private final String purpose;
    private final List<String> criteria;

    GateKey(String key, String title, String purpose, List<String> criteria) {
        this.key = key;
        this.title = title;
        this.purpose = purpose;
        this.criteria = criteria;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String purpose() {
        return purpose;
    }

    public List<String> criteria() {
        return criteria;
    }

    public static GateKey fromKey(String key) {
        for (var gate : values()) {
            if (gate.key.equals(key)) {
                return gate;
            }
        }
        throw new io.ciamportal.shared.NotFoundException("No gate " + key + ".");
    }
}
