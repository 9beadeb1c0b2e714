package io.ciamportal.migration;

import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportAnalysis.Status;
import io.ciamportal.vendor.Support;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * For each candidate destination, what the export's users meet there, from the counts and the destination's facts:
 * who keeps their password (their scheme is one the destination imports), who moves at their next sign-in through a
 * just-in-time hook, who must reset, which second factors survive, and which records break the destination's
 * documented import rules. Unknown facts give unknown counts, never optimistic ones. Pure.
 */
public final class DestinationOutcomes {

    private DestinationOutcomes() {}

    /**
     * @param keepPassword      users whose hash the destination imports (null when its import schemes are unknown)
     * @param justInTime        password users the destination can move at their next sign-in (active ones)
     * @param reset             password users who must set a new password (inactive ones without an importable hash, or all)
     * @param unsupported       scheme -> users whose hashes the destination does not import
     * @param mfaSurvives       factor -> true when the enrolment carries over, false when users re-enrol, null when unknown
     * @param notes             what the counts rest on
     */
    public record Outcome(String slug, String name, boolean current, @Nullable Long keepPassword, @Nullable Long justInTime,
            @Nullable Long reset, Map<String, Long> unsupported, Map<String, @Nullable Boolean> mfaSurvives, List<String> notes) {}

    public static List<Outcome> of(ExportAnalysis a, Side source, List<Side> destinations, String currentDestination) {
        var out = new ArrayList<Outcome>();
        for (Side d : destinations) {
            if (!d.slug().equals(source.slug())) {
                out.add(outcome(a, source, d, d.slug().equals(currentDestination)));
            }
        }
        out.sort(Comparator.comparing((Outcome o) -> !o.current())
                .thenComparing(o -> o.keepPassword() == null ? -1 : o.keepPassword(), Comparator.reverseOrder())
                .thenComparing(Outcome::name));
        return out;
    }

    static Outcome outcome(ExportAnalysis a, Side source, Side d, boolean current) {
        var notes = new ArrayList<String>();
        var p = a.passwords();
        long hashed = p.withPassword() == null ? 0 : p.withPassword();
        long withoutHash = p.hashNotInExport();
        Long keep;
        var unsupported = new LinkedHashMap<String, Long>();
        if (p.status() == Status.NOT_OBSERVABLE && withoutHash == 0) {
            keep = null;
            notes.add("The export does not show who has a password.");
        } else if (!d.hashImportResearched()) {
            keep = null;
            notes.add("Which hash schemes " + d.name() + " imports is unknown: verify with the vendor.");
        } else {
            long k = 0;
            for (var e : p.schemes().entrySet()) {
                if (d.hashImportSchemes().contains(e.getKey())) {
                    k += e.getValue();
                } else {
                    unsupported.put(e.getKey(), e.getValue());
                }
            }
            keep = k;
            if (withoutHash > 0) {
                notes.add(String.format(java.util.Locale.ROOT, "%,d users have a password this export does not carry the hash of: "
                        + "they keep it only if %s hands the hashes over.", withoutHash, source.name()));
            }
            if (!unsupported.isEmpty()) {
                notes.add(d.name() + " does not import " + String.join(", ", unsupported.keySet()) + " hashes.");
            }
        }
        Long jit = null;
        Long reset = null;
        var jitSupport = d.support("jit-migration");
        if (keep != null) {
            long moving = hashed + withoutHash - keep;
            double inactive = a.lastSignIn().inactiveShare() == null ? Double.NaN : a.lastSignIn().inactiveShare();
            if (jitSupport == Support.YES || jitSupport == Support.PARTIAL) {
                if (Double.isNaN(inactive)) {
                    jit = moving;
                    notes.add("Sign-in dates are not in the export: everyone not imported is counted as moving just in time; those who "
                            + "never return will need a reset.");
                    reset = 0L;
                } else {
                    reset = Math.round(moving * inactive);
                    jit = moving - reset;
                }
                if (jitSupport == Support.PARTIAL) {
                    notes.add(d.name() + "'s just-in-time migration is partial: " + d.cite("jit-migration").value());
                }
            } else if (jitSupport == Support.NO) {
                jit = 0L;
                reset = moving;
            } else {
                notes.add("Whether " + d.name() + " migrates users just in time is unknown.");
            }
        }
        var mfa = new LinkedHashMap<String, @Nullable Boolean>();
        var factors = a.mfa().factors();
        if (factors.containsKey("totp")) {
            boolean secrets = a.mfa().totpSecretsInFile() > 0;
            Support in = d.support("totp-import");
            mfa.put("totp", !secrets ? Boolean.FALSE : in == Support.YES ? Boolean.TRUE : in == Support.NO ? Boolean.FALSE : null);
            if (!secrets) {
                notes.add("The export holds no TOTP secrets: authenticator users re-enrol.");
            }
        }
        if (factors.containsKey("webauthn")) {
            Support in = d.support("passkey-import");
            mfa.put("webauthn", in == Support.YES ? null : in == Support.NO ? Boolean.FALSE : null);
        }
        for (String factor : List.of("sms", "email")) {
            if (factors.containsKey(factor)) {
                Support s = d.support(factor.equals("sms") ? "sms-otp" : "email-otp");
                mfa.put(factor, s == Support.YES ? Boolean.TRUE : s == Support.NO ? Boolean.FALSE : null);
            }
        }
        notes.add("Bcrypt cost limits at import: not in the dataset.");
        return new Outcome(d.slug(), d.name(), current, keep, jit, reset, unsupported, mfa, List.copyOf(notes));
    }
}
