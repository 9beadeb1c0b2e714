package io.ciamportal.migration;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.security.RunAs;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cutover calendar over HTTP against a real PostgreSQL: validation that stores nothing, versions, membership, the
 * audit entry, the iCalendar file, due dates that move unless set by hand, and the gates' sign-off state.
 */
@Tag("integration")
@SuppressWarnings("unchecked")
class CutoverApiIntegrationTest extends PortalTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final String analyst = basic("analyst", DEMO_PASSWORD);
    private final String reviewer = basic("reviewer", DEMO_PASSWORD);
    private final String reviewer2 = basic("reviewer2", DEMO_PASSWORD);
    private final String admin = basic("admin", DEMO_PASSWORD);
    private ApiClient api;

    @Autowired
    MigrationPlanService plan;

    @Autowired
    MigrationService migrations;

    @Autowired
    RunAs runAs;

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    private String create(String name) {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "%s", "source": "auth0", "destination": "keycloak", "inventory": {"totalUsers": 5000, "monthlyActiveUsers": 2000},
                 "members": [{"username": "reviewer", "role": "REVIEWER"}]}""".formatted(name));
        assertThat(created.status()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private static String day(int fromToday) {
        return TODAY.plusDays(fromToday).toString();
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-1  | 14          | -   | date",             // a cutover before today
            "90  | 14          | 80  | date",             // a cutover after the decommission
            "90  | 30          | 110 | rollbackDays",     // a rollback window that runs past the decommission
            "90  | -5          | -   | rollbackDays",
            "90  | 10000000000 | -   | rollbackDays",
            "90  | 14          | -3  | decommissionDate"})
    void badDatesAre400WithTheFieldNamedAndNothingIsStored(int cutoverIn, @org.jspecify.annotations.Nullable Long rollback,
            @org.jspecify.annotations.Nullable Integer decommissionIn, String field) {
        String id = create("Cutover validation " + field + " " + UUID.randomUUID());
        String etag = api.get("/api/v1/migrations/" + id, analyst).etag();
        String body = "{\"date\": \"" + day(cutoverIn) + "\"" + (rollback == null ? "" : ", \"rollbackDays\": " + rollback)
                + (decommissionIn == null ? "" : ", \"decommissionDate\": \"" + day(decommissionIn) + "\"") + "}";
        var response = api.put("/api/v1/migrations/" + id + "/cutover", analyst, body, etag);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).containsEntry("field", field);
        assertThat((String) response.json().get("message")).isNotBlank().doesNotContain("Exception");
        var calendar = api.get("/api/v1/migrations/" + id + "/calendar", analyst);
        assertThat(calendar.json()).containsEntry("scheduled", false);
        assertThat(calendar.etag()).isEqualTo(etag);
        assertThat(ApiClient.list(api.get("/api/v1/audit?targetType=migration&targetId=" + id, admin)))
                .extracting(e -> e.get("action")).doesNotContain("MIGRATION_CUTOVER_SCHEDULED");
    }

    @Test
    void aDateThatIsNotADateOrABodyOfTheWrongShapeNamesTheField() {
        String id = create("Cutover shapes " + UUID.randomUUID());
        String etag = api.get("/api/v1/migrations/" + id, analyst).etag();
        var notADate = api.put("/api/v1/migrations/" + id + "/cutover", analyst, "{\"date\": \"2027-02-30\"}", etag);
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json()).containsEntry("field", "date");
        var noDate = api.put("/api/v1/migrations/" + id + "/cutover", analyst, "{\"rollbackDays\": 7}", etag);
        assertThat(noDate.json()).containsEntry("field", "date");
        var text = api.put("/api/v1/migrations/" + id + "/cutover", analyst, "{\"date\": \"" + day(90) + "\", \"rollbackDays\": \"many\"}", etag);
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json()).containsEntry("field", "rollbackDays");
    }

    @Test
    void theTeamSetsTheDatesAndTheCalendarTheIcsTheAuditAndTheSignOffStateFollow() throws Exception {
        String id = create("Cutover: Auth0 to Keycloak " + UUID.randomUUID());
        var empty = api.get("/api/v1/migrations/" + id + "/calendar", reviewer);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json()).containsEntry("scheduled", false);
        assertThat((List<Object>) empty.json().get("phases")).isEmpty();
        assertThat(ics(id, analyst).statusCode()).isEqualTo(409);
        var access = new Object() {
            Map<String, Object> inventory;
        };
        runAs.run("analyst", () -> access.inventory = migrations.access(UUID.fromString(id)).inventory());
        assertThat(access.inventory).doesNotContainKey("cutoverSchedule");

        String etag = api.get("/api/v1/migrations/" + id, analyst).etag();
        String body = "{\"date\": \"" + day(120) + "\", \"rollbackDays\": 14}";
        // no If-Match: 428; an old version: 412 with the current state
        assertThat(api.put("/api/v1/migrations/" + id + "/cutover", analyst, body).status()).isEqualTo(428);
        var stale = api.put("/api/v1/migrations/" + id + "/cutover", analyst, body, "\"999\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat((Map<String, Object>) stale.json().get("current")).containsEntry("scheduled", false);
        // a reviewer member reads but does not set; a stranger is told the migration does not exist
        assertThat(api.put("/api/v1/migrations/" + id + "/cutover", reviewer, body, etag).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/migrations/" + id + "/cutover", reviewer2, body, etag).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/migrations/" + id + "/calendar", reviewer2).status()).isEqualTo(404);
        assertThat(ics(id, reviewer2).statusCode()).isEqualTo(404);

        var set = api.put("/api/v1/migrations/" + id + "/cutover", analyst, body, etag);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.etag()).isNotEqualTo(etag);
        var json = set.json();
        assertThat(json).containsEntry("scheduled", true);
        assertThat(((Number) json.get("version")).longValue()).isEqualTo(Long.parseLong(set.etag().replace("\"", "")));
        var schedule = (Map<String, Object>) json.get("schedule");
        assertThat(schedule).containsEntry("date", day(120)).containsEntry("rollbackDays", 14).containsEntry("rollbackEnds", day(134))
                .containsEntry("decommissionDerived", true).containsEntry("decommissionDate", null);
        assertThat((List<Map<String, Object>>) json.get("phases")).hasSize(5).last().satisfies(p -> assertThat(p).containsEntry("start", day(120)));
        assertThat((List<Map<String, Object>>) json.get("milestones")).extracting(m -> m.get("key"))
                .containsExactly("import", "dual-write", "cutover", "rollback-standby", "audit-export", "decommission");
        var items = (List<Map<String, Object>>) json.get("items");
        assertThat(items).isNotEmpty().allSatisfy(i -> assertThat(i.get("due")).isNotNull());
        assertThat(items).filteredOn(i -> Boolean.TRUE.equals(i.get("cutover"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("due", day(120)).containsEntry("dueByHand", false));
        // the migration's plan carries the same dates
        var details = api.get("/api/v1/migrations/" + id, analyst).json();
        var phase5 = (Map<String, Object>) ((List<Object>) details.get("plan")).get(4);
        assertThat((List<Map<String, Object>>) phase5.get("items")).allSatisfy(i -> assertThat(i.get("due")).isNotNull());

        var trail = ApiClient.list(api.get("/api/v1/audit?targetType=migration&targetId=" + id, admin));
        assertThat(trail).filteredOn(e -> "MIGRATION_CUTOVER_SCHEDULED".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("after")).contains("\"date\":\"" + day(120) + "\"").contains("\"rollbackDays\":14")
                        .contains("\"itemsMoved\":" + items.size()));

        runAs.run("analyst", () -> access.inventory = migrations.access(UUID.fromString(id)).inventory());
        assertThat(access.inventory).containsKey("cutoverSchedule");
        assertThat((String) access.inventory.get("cutoverSchedule")).contains(day(120)).contains("rollback 14 days");

        // the same schedule again changes nothing and records nothing
        var again = api.put("/api/v1/migrations/" + id + "/cutover", analyst, body, set.etag());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.etag()).isEqualTo(set.etag());

        var file = ics(id, reviewer);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".ics");
        var calendar = new CalendarBuilder().build(new StringReader(file.body()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(6);
        assertThat(events.get(2).<Property>getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(day(120).replace("-", ""));
        assertThat(events.get(2).<Property>getProperty("UID").orElseThrow().getValue()).isEqualTo("cutover-" + id + "@ciam-portal");
    }

    @Test
    void changingTheDateMovesUntouchedItemsAndKeepsTheOnesDatedByHand() throws Exception {
        String id = create("Cutover moves " + UUID.randomUUID());
        var uuid = UUID.fromString(id);
        String etag = api.get("/api/v1/migrations/" + id, analyst).etag();
        var first = api.put("/api/v1/migrations/" + id + "/cutover", analyst, "{\"date\": \"" + day(200) + "\"}", etag).json();
        var items = (List<Map<String, Object>>) first.get("items");
        var phase4 = items.stream().filter(i -> ((Integer) i.get("phase")) == 4).toList();
        assertThat(phase4).hasSizeGreaterThanOrEqualTo(2);
        var byHand = phase4.get(0);
        var untouched = phase4.get(1);

        // far enough ahead that no derived date has passed
        assertThat(first.get("overdueItems")).isEqualTo(0);
        // someone dates one item by hand, in the past: it is overdue
        String handDate = day(-2);
        runAs.run("analyst", () -> {
            var view = migrations.get(uuid).plan().get(3).items().stream().filter(i -> i.id().toString().equals(byHand.get("id"))).findFirst()
                    .orElseThrow();
            plan.updatePlanItem(uuid, view.id(), view.version(), view.text(), null, LocalDate.parse(handDate));
        });
        var calendar = api.get("/api/v1/migrations/" + id + "/calendar", analyst);
        assertThat(item(calendar.json(), byHand.get("id"))).containsEntry("due", handDate).containsEntry("dueByHand", true).containsEntry("overdue", true);
        assertThat(calendar.json().get("overdueItems")).isEqualTo(1);

        // the cutover moves a week later: the untouched item moves with it, the hand-dated one stays
        var moved = api.put("/api/v1/migrations/" + id + "/cutover", analyst, "{\"date\": \"" + day(207) + "\"}", calendar.etag());
        assertThat(moved.status()).isEqualTo(200);
        assertThat(item(moved.json(), untouched.get("id")).get("due")).isEqualTo(LocalDate.parse((String) untouched.get("due")).plusDays(7).toString());
        assertThat(item(moved.json(), byHand.get("id"))).containsEntry("due", handDate).containsEntry("dueByHand", true);

        // the reports carry the calendar and the overdue item
        var markdown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.md"))
                .header("Authorization", analyst).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(markdown).contains("## Cutover calendar").contains("Cutover on " + day(207)).contains("| Final audit-log export |")
                .contains("Overdue items (1):").contains("due " + handDate + " **(overdue)**");
        var pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.pdf"))
                .header("Authorization", analyst).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Cutover calendar").contains("Cutover on " + day(207))
                    .contains("Overdue items (1):");
        }

        // clearing the date by hand gives the item back to the calendar
        runAs.run("analyst", () -> {
            var view = migrations.get(uuid).plan().get(3).items().stream().filter(i -> i.id().toString().equals(byHand.get("id"))).findFirst()
                    .orElseThrow();
            plan.updatePlanItem(uuid, view.id(), view.version(), view.text(), null, null);
        });
        var back = item(api.get("/api/v1/migrations/" + id + "/calendar", analyst).json(), byHand.get("id"));
        assertThat(back).containsEntry("dueByHand", false).containsEntry("overdue", false);
        assertThat(back.get("due")).isNotNull().isNotEqualTo(handDate);
    }

    @Test
    void settingTheDatesOutdatesTheRollbackGatesApprovalWhichRestsOnTheWindow() {
        String id = create("Cutover and gates " + UUID.randomUUID());
        for (String key : List.of("rollback", "credential-transit")) {
            var evidence = api.post("/api/v1/migrations/" + id + "/gates/" + key + "/evidence", analyst,
                    "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"Fail back by DNS within the window\"}");
            assertThat(evidence.status()).isEqualTo(200);
            assertThat(api.post("/api/v1/migrations/" + id + "/gates/" + key + "/submit", analyst, "").status()).isEqualTo(200);
            var approved = api.post("/api/v1/migrations/" + id + "/gates/" + key + "/sign-offs", reviewer,
                    "{\"decision\": \"APPROVE\", \"comment\": \"Checked the runbook\"}");
            assertThat(approved.status()).isEqualTo(200);
            assertThat((Integer) approved.json().get("approvals")).isEqualTo(1);
        }

        String etag = api.get("/api/v1/migrations/" + id, analyst).etag();
        assertThat(api.put("/api/v1/migrations/" + id + "/cutover", analyst, "{\"date\": \"" + day(150) + "\", \"rollbackDays\": 21}", etag)
                .status()).isEqualTo(200);
        var gate = api.get("/api/v1/migrations/" + id + "/gates/rollback", reviewer).json();
        assertThat(gate).containsEntry("status", "OPEN").containsEntry("approvals", 0);
        assertThat((List<Map<String, Object>>) gate.get("signOffs")).allSatisfy(x -> assertThat(x).containsEntry("outdated", true));
        assertThat((String) gate.get("reopenedReason")).contains("cutover date, rollback window or decommission date changed");
        // the other gates do not rest on the dates: their approval still counts, on an unchanged state
        var transit = api.get("/api/v1/migrations/" + id + "/gates/credential-transit", reviewer).json();
        assertThat(transit).containsEntry("approvals", 1);
        assertThat((List<Map<String, Object>>) transit.get("signOffs")).allSatisfy(x -> assertThat(x).containsEntry("outdated", false));
    }

    private static Map<String, Object> item(Map<String, Object> calendar, Object id) {
        return ((List<Map<String, Object>>) calendar.get("items")).stream().filter(i -> i.get("id").equals(id)).findFirst().orElseThrow();
    }

    private HttpResponse<String> ics(String id, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/calendar.ics"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }
}
