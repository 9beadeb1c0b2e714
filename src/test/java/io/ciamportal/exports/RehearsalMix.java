package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipInputStream;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;

/** Helpers of the rehearsal tests: write, unzip, analyse again, and compare the mix share by share. */
final class RehearsalMix {

    static final double POINTS = 0.02;

    private RehearsalMix() {}

    static byte[] zip(ExportAnalysis source, int users, long seed) {
        var out = new ByteArrayOutputStream();
        try {
            RehearsalExport.write(source, users, new Random(seed), SourceAnalysis.AS_OF, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** The export's files (under export/) analysed as the portal would, counted back from the same day. */
    static ExportAnalysis analyse(Map<String, byte[]> files) {
        var inputs = new LinkedHashMap<String, InputStream>();
        files.forEach((name, bytes) -> {
            if (name.startsWith("export/")) {
                inputs.put(name.substring("export/".length()), new ByteArrayInputStream(bytes));
            }
        });
        return ExportAnalyser.analyse(AnalysisOptions.detect(SourceAnalysis.AS_OF), ExportLimits.defaults(), inputs);
    }

    /** Every share the source shows, within two points in the re-analysed export; the scheme set exactly. */
    static void assertClose(ExportAnalysis source, ExportAnalysis again) {
        var soft = new SoftAssertions();
        double su = Math.max(1, source.users());
        double au = Math.max(1, again.users());
        soft.assertThat(again.platform()).as("platform").isEqualTo(source.platform());
        var sp = source.passwords();
        var ap = again.passwords();
        soft.assertThat(ap.status()).as("passwords observable").isEqualTo(sp.status());
        close(soft, "with a password hash", share(sp.withPassword(), su), share(ap.withPassword(), au));
        soft.assertThat(ap.schemes().keySet()).as("schemes").containsExactlyInAnyOrderElementsOf(sp.schemes().keySet());
        sp.schemes().forEach((scheme, n) -> close(soft, "scheme " + scheme, n / su, ap.schemes().getOrDefault(scheme, 0L) / au));
        sp.parameters().forEach((scheme, params) -> {
            soft.assertThat(ap.parameters().getOrDefault(scheme, Map.of()).keySet()).as("parameters of " + scheme)
                    .containsExactlyInAnyOrderElementsOf(params.keySet());
            params.forEach((param, n) -> close(soft, scheme + " " + param, n / su,
                    ap.parameters().getOrDefault(scheme, Map.of()).getOrDefault(param, 0L) / au));
        });
        metric(soft, "passwordless", source.passwordless(), again.passwordless(), su, au, false);
        metric(soft, "social only", source.socialOnly(), again.socialOnly(), su, au, false);
        metric(soft, "email verified", source.emailVerified(), again.emailVerified(), su, au, true);
        metric(soft, "blocked", source.blocked(), again.blocked(), su, au, false);
        var sm = source.mfa();
        var am = again.mfa();
        if (sm.users() != null) {
            soft.assertThat(am.users()).as("mfa observable").isNotNull();
            close(soft, "second factor", share(sm.users(), su), share(am.users(), au));
            sm.factors().forEach((f, n) -> close(soft, "factor " + f, n / su, am.factors().getOrDefault(f, 0L) / au));
            soft.assertThat(am.factors().keySet()).as("factors").containsExactlyInAnyOrderElementsOf(sm.factors().keySet());
            close(soft, "TOTP secrets in the file", sm.totpSecretsInFile() / su, am.totpSecretsInFile() / au);
        }
        var sl = source.lastSignIn();
        var al = again.lastSignIn();
        soft.assertThat(al.status() == ExportAnalysis.Status.NOT_OBSERVABLE).as("last sign-in unobservable")
                .isEqualTo(sl.status() == ExportAnalysis.Status.NOT_OBSERVABLE);
        if (sl.inactive() != null && al.inactive() != null) {
            close(soft, "inactive", (double) sl.inactive() / sl.observedUsers(), (double) al.inactive() / al.observedUsers());
            close(soft, "never signed in", (double) sl.never() / sl.observedUsers(), (double) al.never() / al.observedUsers());
            for (int i = 0; i < sl.histogram().size(); i++) {
                close(soft, "last sign-in bucket " + i, (double) sl.histogram().get(i).users() / sl.observedUsers(),
                        (double) al.histogram().get(i).users() / al.observedUsers());
            }
        }
        if (source.providers().status() != ExportAnalysis.Status.NOT_OBSERVABLE) {
            soft.assertThat(again.providers().counts().keySet()).as("providers")
                    .containsExactlyInAnyOrderElementsOf(source.providers().counts().keySet());
            source.providers().counts().forEach((name, n) -> close(soft, "provider " + name, n / su,
                    again.providers().counts().getOrDefault(name, 0L) / au));
            close(soft, "federated users", source.providers().federatedUsers() / su, again.providers().federatedUsers() / au);
        }
        soft.assertThat(again.customAttributes().keys()).as("attribute keys").containsExactlyInAnyOrderElementsOf(source.customAttributes().keys());
        close(soft, "without an email", source.duplicateEmails().withoutEmail() / su, again.duplicateEmails().withoutEmail() / au);
        close(soft, "users sharing an email", source.duplicateEmails().usersAffected() / su, again.duplicateEmails().usersAffected() / au);
        for (var pair : new ExportAnalysis.Metric[][] {{source.tenants(), again.tenants()}, {source.organizations(), again.organizations()},
            {source.groups(), again.groups()}}) {
            if (pair[0].count() != null) {
                soft.assertThat(pair[1].count()).as("distinct tenants, organizations or groups").isEqualTo(pair[0].count());
            }
        }
        soft.assertAll();
    }

    private static void metric(SoftAssertions soft, String label, ExportAnalysis.Metric s, ExportAnalysis.Metric a, double su, double au,
            boolean ofObserved) {
        if (s.count() == null) {
            return;
        }
        soft.assertThat(a.count()).as(label + " observable").isNotNull();
        if (a.count() == null) {
            return;
        }
        double expected = ofObserved ? (double) s.count() / Math.max(1, s.observedUsers()) : s.count() / su;
        double actual = ofObserved ? (double) a.count() / Math.max(1, a.observedUsers()) : a.count() / au;
        close(soft, label, expected, actual);
    }

    private static double share(@Nullable Long n, double of) {
        return n == null ? -1 : n / of;
    }

    private static void close(SoftAssertions soft, String label, double expected, double actual) {
        soft.assertThat(actual).as(label + String.format(java.util.Locale.ROOT, " (source %.3f)", expected)).isCloseTo(expected, within(POINTS));
    }

    static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    static void assertThatEveryEmailIsMadeUp(String text) {
        var m = java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]+)").matcher(text);
        while (m.find()) {
            assertThat(m.group(1)).as("domain of " + m.group()).endsWith("example.test");
        }
    }
}
