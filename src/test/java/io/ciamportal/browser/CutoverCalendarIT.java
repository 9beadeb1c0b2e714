package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.PortalTestBase;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cutover calendar in Chromium: an analyst sets the date, sees the timeline, downloads the .ics and reads it back,
 * dates one task by hand, moves the cutover, and finds the untouched task moved and the hand-dated one where it was.
 */
@Tag("browser")
@SuppressWarnings("unchecked")
class CutoverCalendarIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void setTheDateSeeTheTimelineDownloadTheIcsAndMoveTheCutover() throws Exception {
        var api = new ApiClient(baseUrl());
        String analyst = ApiClient.basic("analyst", DEMO_PASSWORD);
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "Browser calendar: Auth0 to Keycloak", "source": "auth0", "destination": "keycloak",
                 "inventory": {"totalUsers": 5000, "monthlyActiveUsers": 2000},
                 "members": [{"username": "reviewer", "role": "REVIEWER"}]}""");
        org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        String url = baseUrl() + "/migrations/" + id;

        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "analyst", DEMO_PASSWORD);
        page.navigate(url);
        tab(page, "Cutover calendar");
        assertThat(page.locator("[data-empty=cutover]")).isVisible();
        Browsers.screenshot(page, "cutover-empty");

        // set the date: far enough ahead that no derived date has passed
        String cutover = TODAY.plusDays(200).toString();
        page.getByLabel("Cutover date").fill(cutover);
        page.getByLabel("Cutover date").press("Enter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set cutover date")).click();
        assertThat(page.getByText("Cutover dates saved")).isVisible();
        assertThat(page.locator("[data-chart=cutover-timeline][data-rendered=true]")).isVisible();
        assertThat(page.locator("[data-milestone=cutover]")).containsText("Cutover day: " + cutover);
        assertThat(page.locator("[data-card=cutover-summary]")).containsText("Rollback window 14 days");
        Browsers.animationsDone(page);
        Browsers.screenshot(page, "cutover-timeline");

        // the .ics, read back as a calendar application would
        var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Milestones as a calendar file (.ics)")).click());
        Path file = Browsers.SCREENSHOTS.resolve("cutover.ics");
        Files.createDirectories(file.getParent());
        download.saveAs(file);
        var calendar = new CalendarBuilder().build(new StringReader(Files.readString(file)));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        org.assertj.core.api.Assertions.assertThat(events).hasSize(6);
        org.assertj.core.api.Assertions.assertThat(events.get(2).<Property>getProperty("DTSTART").orElseThrow().getValue())
                .isEqualTo(cutover.replace("-", ""));

        // a task dated by hand in the Plan tab, yesterday: it is overdue
        var before = (List<Map<String, Object>>) api.get("/api/v1/migrations/" + id + "/calendar", analyst).json().get("items");
        var phase4 = before.stream().filter(i -> ((Integer) i.get("phase")) == 4).toList();
        var handDated = phase4.get(0);
        var untouched = phase4.get(1);
        String yesterday = TODAY.minusDays(1).toString();
        tab(page, "Plan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit task: " + handDated.get("text"))).click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Due").fill(yesterday);
        dialog.getByLabel("Due").press("Enter");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Task saved.")).isVisible();
        var row = page.locator(".portal-plan-item").filter(new Locator.FilterOptions().setHasText((String) handDated.get("text")));
        assertThat(row).containsText("due " + yesterday + " (set by hand)");
        assertThat(row.locator("[data-overdue]")).isVisible();

        // the cutover moves a week later
        tab(page, "Cutover calendar");
        assertThat(page.locator("[data-card=cutover-overdue]")).containsText((String) handDated.get("text"));
        String later = TODAY.plusDays(207).toString();
        page.getByLabel("Cutover date").fill(later);
        page.getByLabel("Cutover date").press("Enter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save cutover dates")).click();
        assertThat(page.getByText("Cutover dates saved")).isVisible();
        assertThat(page.locator("[data-milestone=cutover]")).containsText("Cutover day: " + later);
        Browsers.animationsDone(page);
        Browsers.screenshot(page, "cutover-moved");
        page.locator(".portal-cutover").screenshot(new Locator.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("cutover-tab.png")));

        var after = (List<Map<String, Object>>) api.get("/api/v1/migrations/" + id + "/calendar", analyst).json().get("items");
        org.assertj.core.api.Assertions.assertThat(item(after, untouched).get("due"))
                .isEqualTo(LocalDate.parse((String) untouched.get("due")).plusDays(7).toString());
        org.assertj.core.api.Assertions.assertThat(item(after, handDated)).containsEntry("due", yesterday).containsEntry("dueByHand", true);
        tab(page, "Plan");
        assertThat(page.locator(".portal-plan-item").filter(new Locator.FilterOptions().setHasText((String) untouched.get("text"))))
                .containsText("due " + item(after, untouched).get("due"));

        // the PDF report carries the calendar: render its page to look at it
        var pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.pdf")).header("Authorization", analyst).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                if (stripper.getText(doc).contains("Cutover calendar")) {
                    javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(i - 1, 70), "png",
                            Browsers.SCREENSHOTS.resolve("cutover-report-page.png").toFile());
                }
            }
        }

        // on a phone the tab reads top to bottom; a reviewer member sees the dates but no form
        var phone = browsers.newContext(390, 844);
        try {
            var small = phone.newPage();
            PortalPages.signIn(small, baseUrl(), "reviewer", DEMO_PASSWORD);
            small.navigate(url);
            tab(small, "Cutover calendar");
            assertThat(small.locator("[data-chart=cutover-timeline][data-rendered=true]")).isVisible();
            assertThat(small.locator("[data-card=cutover-form]")).hasCount(0);
            Browsers.animationsDone(small);
            Browsers.screenshot(small, "cutover-narrow");
            small.locator("[data-chart=cutover-timeline]").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Browsers.SCREENSHOTS.resolve("cutover-timeline-narrow.png")));
        } finally {
            phone.close();
        }
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, Map<String, Object> like) {
        return items.stream().filter(i -> i.get("id").equals(like.get("id"))).findFirst().orElseThrow();
    }

    private static void tab(Page page, String name) {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name)).click();
        Browsers.settle(page);
    }
}
