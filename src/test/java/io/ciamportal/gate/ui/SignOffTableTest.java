package io.ciamportal.gate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.gate.Decision;
import io.ciamportal.gate.GateViews;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The gate's sign-off table: every text escaped, one row per sign-off with its status. */
class SignOffTableTest {

    private static GateViews.SignOffView signOff(String signer, String comment, boolean outdated, boolean revoked, String reason) {
        return new GateViews.SignOffView(UUID.randomUUID(), UUID.randomUUID(), signer, "Security reviewer", "Security approval",
                Decision.APPROVE, comment, "856d06402a4f0123456789abcdef", Instant.parse("2026-12-02T10:15:30Z"), outdated, revoked, reason);
    }

    @Test
    void textFromUsersIsEscapedNotMarkup() {
        String html = SignOffTable.html(List.of(signOff("<img src=x onerror=alert(1)>", "<script>alert(2)</script> & \"so\"", true, false,
                "Evidence \"Runbook\" <b>changed</b>")), "Sign-offs");

        assertThat(html).doesNotContain("<script>", "<img", "<b>").contains("&lt;script&gt;", "&lt;img src=x");
        var doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, img, b")).isEmpty();
        assertThat(doc.select("tbody tr")).hasSize(1);
        assertThat(doc.select("thead th").eachText()).containsExactly("When", "Signer", "Role then", "Decision", "Status", "Comment", "Meaning and state");
        assertThat(doc.select("td:nth-child(6)").text()).isEqualTo("<script>alert(2)</script> & \"so\"");
        assertThat(doc.select(".portal-badge--warning").attr("title")).isEqualTo("Evidence \"Runbook\" <b>changed</b>");
    }

    @Test
    void eachRowShowsItsStatusAndTheShortStateHash() {
        String html = SignOffTable.html(List.of(signOff("Rita Reviewer", null, false, false, null), signOff("Rob Reviewer", null, false, true, null),
                signOff("Ann Analyst", "Needs a runbook", true, false, "Evidence changed")), "Sign-offs");
        var rows = Jsoup.parseBodyFragment(html).select("tbody tr");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).select(".portal-badge").text()).isEqualTo("Counts");
        assertThat(rows.get(1).select(".portal-badge").text()).isEqualTo("Revoked");
        assertThat(rows.get(2).select(".portal-badge").text()).isEqualTo("Outdated");
        assertThat(rows.get(2).select("td:nth-child(5)").text()).isEqualTo("Outdated Evidence changed");
        assertThat(rows.get(0).select("td:nth-child(1)").text()).isEqualTo("2026-12-02 10:15 UTC");
        assertThat(rows.get(0).select("td:nth-child(7)").text()).isEqualTo("Security approval · state 856d06402a4f…");
    }
}
