package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.ciamportal.testsupport.ApiClient.basic;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.PortalTestBase;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gates in Chromium: an analyst submits evidence, two reviewers approve in their own browsers, an evidence edit
 * outdates the approvals, the cutover is refused and then allowed once all six gates pass; the CSV export downloads.
 * A long sign-off history shows its latest 20 entries and all of them on request.
 */
@Tag("browser")
@SuppressWarnings("unchecked")
class GateIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        contexts.forEach(BrowserContext::close);
    }

    private Page signedIn(String user) {
        var context = browsers.newContext(1280, 900);
        contexts.add(context);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), user, DEMO_PASSWORD);
        return page;
    }

    @Test
    void submitApproveTwiceOutdateAndCutOver() throws Exception {
        var api = new ApiClient(baseUrl());
        var created = api.post("/api/v1/migrations", basic("analyst", DEMO_PASSWORD), """
                {"name": "Gate journey: Auth0 to Zitadel", "source": "auth0", "destination": "zitadel", "inventory": {"totalUsers": 50000},
                 "members": [{"username": "reviewer", "role": "REVIEWER"}, {"username": "reviewer2", "role": "REVIEWER"}]}""");
        String id = (String) created.json().get("id");
        String gateUrl = baseUrl() + "/migrations/" + id + "/gates/rollback";

        // the analyst adds evidence and submits
        var analyst = signedIn("analyst");
        analyst.navigate(baseUrl() + "/migrations/" + id);
        analyst.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Security gates")).click();
        analyst.waitForURL(Pattern.compile(".*/gates$"));
        assertThat(analyst.locator(".portal-gate-card")).hasCount(6);
        Browsers.screenshot(analyst, "gate-board");
        analyst.locator(".portal-gate-card[data-gate=rollback] a").click();
        analyst.waitForURL(gateUrl);
        analyst.getByLabel("Evidence title").fill("Rollback runbook");
        analyst.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Zitadel cutover reversible in 10 minutes; rehearsed.");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add text")).click();
        assertThat(analyst.locator(".portal-evidence-item")).hasCount(1);
        // a file through the upload component: checked, hashed, offered as a download
        var runbook = Browsers.SCREENSHOTS.resolve("rollback-runbook.md");
        Files.createDirectories(runbook.getParent());
        Files.writeString(runbook, "# Rollback runbook\n1. Switch DNS back.\n");
        analyst.getByLabel("Evidence title").fill("Runbook file");
        analyst.locator("vaadin-upload input[type=file]").setInputFiles(runbook);
        assertThat(analyst.locator(".portal-evidence-item")).hasCount(2);
        assertThat(analyst.getByText("Download rollback-runbook.md")).isVisible();
        assertThat(analyst.locator(".portal-evidence-item").nth(1)).containsText("SHA-256");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(analyst.locator("#gate-status")).containsText("Submitted for review");

        // two reviewers, each in their own browser
        for (String reviewer : List.of("reviewer", "reviewer2")) {
            var page = signedIn(reviewer);
            page.navigate(baseUrl() + "/gates/inbox");
            assertThat(page.getByText("Gate journey: Auth0 to Zitadel")).isVisible();
            page.navigate(gateUrl);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
            assertThat(page.getByText("Approved.")).isVisible();
            if (reviewer.equals("reviewer2")) {
                assertThat(page.locator("#gate-status")).containsText("Approved");
                assertThat(page.locator("#gate-approvals")).hasText("2 of 2 approvals");
                Browsers.screenshot(page, "gate-approved");
            }
        }

        // an evidence edit outdates both approvals
        analyst.reload();
        analyst.getByLabel("Evidence title").fill("Rollback owner");
        analyst.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("The on-call lead decides a rollback.");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add text")).click();
        assertThat(analyst.locator("#gate-status")).containsText("Open");
        assertThat(analyst.getByText("Outdated", new Page.GetByTextOptions().setExact(true))).hasCount(2);
        Browsers.screenshot(analyst, "gate-outdated");

        // cutover is refused while gates are open
        analyst.navigate(baseUrl() + "/migrations/" + id);
        analyst.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Plan")).click();
        var cutover = analyst.locator(".portal-phase[data-phase='5'] vaadin-checkbox").first();
        assertThat(cutover).containsText("Cut over");
        cutover.click();
        assertThat(analyst.getByText(Pattern.compile("Cutover needs all six security gates approved"))).isVisible();

        // all six pass (one approval each, through the API), then the cutover goes through
        String owner = basic("analyst", DEMO_PASSWORD);
        String reviewerAuth = basic("reviewer", DEMO_PASSWORD);
        api.put("/api/v1/migrations/" + id + "/required-approvals", owner, "{\"requiredApprovals\": 1}");
        for (String key : List.of("credential-transit", "audit-continuity", "rollback", "downtime-blast-radius", "residency-compliance",
                "reauth-mfa-reenrollment")) {
            var gate = api.get("/api/v1/migrations/" + id + "/gates/" + key, owner).json();
            if (((List<Object>) gate.get("evidence")).isEmpty()) {
                api.post("/api/v1/migrations/" + id + "/gates/" + key + "/evidence", owner, "{\"kind\": \"TEXT\", \"title\": \"Done\", \"text\": \"Checked\"}");
            }
            api.post("/api/v1/migrations/" + id + "/gates/" + key + "/submit", owner, "");
            var signed = api.post("/api/v1/migrations/" + id + "/gates/" + key + "/sign-offs", reviewerAuth, "{\"decision\": \"APPROVE\"}");
            org.assertj.core.api.Assertions.assertThat(signed.json()).containsEntry("status", "APPROVED");
        }
        analyst.reload();
        analyst.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Plan")).click();
        analyst.locator(".portal-phase[data-phase='5'] vaadin-checkbox").first().click();
        assertThat(analyst.getByText("Marked done.")).isVisible();

        // the migration's audit trail as CSV
        analyst.navigate(baseUrl() + "/migrations/" + id);
        analyst.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Audit")).click();
        var download = analyst.waitForDownload(() -> analyst.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV")).click());
        var file = Browsers.SCREENSHOTS.resolve("migration-audit.csv");
        download.saveAs(file);
        String csv = Files.readString(file);
        org.assertj.core.api.Assertions.assertThat(csv).startsWith("id,occurredAt,actorName").contains("GATE_SIGNED_OFF")
                .contains("\"\"outdatedSignOffs\"\":2").contains("PLAN_ITEM_DONE").doesNotContain(",=").doesNotContain(",\"=");
        Browsers.screenshot(analyst, "migration-audit");
        var entries = csv.lines().skip(1).filter(l -> !l.isBlank()).count();
        org.assertj.core.api.Assertions.assertThat(entries).isGreaterThan(10);
    }
    /** A long history: the gate page shows the latest sign-offs and the whole history on request. */
    @Test
    void aLongSignOffHistoryShowsTheLatestAndAllOnRequest() {
        var api = new ApiClient(baseUrl());
        String owner = basic("analyst", DEMO_PASSWORD);
        String reviewerAuth = basic("reviewer", DEMO_PASSWORD);
        var created = api.post("/api/v1/migrations", owner, """
                {"name": "Gate history: Auth0 to Keycloak", "source": "auth0", "destination": "keycloak", "inventory": {"totalUsers": 1000},
                 "members": [{"username": "reviewer", "role": "REVIEWER"}]}""");
        String id = (String) created.json().get("id");
        String gate = "/api/v1/migrations/" + id + "/gates/downtime-blast-radius";
        api.post(gate + "/evidence", owner, "{\"kind\": \"TEXT\", \"title\": \"Plan\", \"text\": \"Checked\"}");
        api.post(gate + "/submit", owner, "");
        for (int i = 1; i <= 11; i++) { // 22 sign-offs: an approval and its withdrawal, eleven times
            api.post(gate + "/sign-offs", reviewerAuth, "{\"decision\": \"APPROVE\", \"comment\": \"round " + i + "\"}");
            api.post(gate + "/revoke", reviewerAuth, "{\"comment\": \"withdrawn " + i + "\"}");
        }

        var page = signedIn("analyst");
        page.navigate(baseUrl() + "/migrations/" + id + "/gates/downtime-blast-radius");
        var rows = page.locator("#gate-sign-offs tbody tr");
        assertThat(rows).hasCount(20);
        assertThat(page.locator("#gate-sign-offs-note")).containsText("The latest 20 of 22 sign-offs");
        assertThat(rows.first()).containsText("round 2"); // the two oldest (round 1 and its withdrawal) are left out
        assertThat(rows.last()).containsText("withdrawn 11");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show all 22")).click();
        assertThat(rows).hasCount(22);
        assertThat(rows.first()).containsText("round 1");
        assertThat(page.locator("#gate-sign-offs-note")).hasCount(0);
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Sign-offs of this gate, oldest first"))).isVisible();
    }
}
