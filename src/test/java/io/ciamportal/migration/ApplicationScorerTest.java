package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.migration.ApplicationAssessment.Item;
import io.ciamportal.migration.ApplicationInventory.AppType;
import io.ciamportal.migration.ApplicationInventory.ClientApp;
import io.ciamportal.migration.ApplicationInventory.CustomDomain;
import io.ciamportal.migration.ApplicationInventory.GrantType;
import io.ciamportal.migration.ApplicationInventory.TlsCertificate;
import io.ciamportal.migration.ApplicationInventory.Webhook;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.vendor.Support;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The application-side rules as tables of made-up destinations, where one capability decides. */
class ApplicationScorerTest {

    static final ClientApp SHOP = new ClientApp("Shop", AppType.WEB, List.of("https://shop.example.com/cb", "https://shop.example.com/cb2"),
            List.of("https://shop.example.com/bye"), Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), true);
    static final ClientApp MOBILE = new ClientApp("Mobile", AppType.NATIVE, List.of("com.example.app:/cb"), List.of(),
            Set.of(GrantType.AUTHORIZATION_CODE), false);
    static final ClientApp BATCH = new ClientApp("Batch", AppType.M2M, List.of(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS), false);

    /** Two apps (one keyed on sub) and a batch job, four APIs, two domains, templates, two webhooks, keys. */
    static final ApplicationInventory APPS = new ApplicationInventory(List.of(SHOP, MOBILE, BATCH), 4,
            List.of(new CustomDomain("login.example.com", 2, TlsCertificate.VENDOR_MANAGED), new CustomDomain("id.example.de", 1,
                    TlsCertificate.OWN_CERTIFICATE)), 6, 2, List.of("en", "de"), List.of("mail.example.com"),
            List.of(new Webhook("CRM sync", "https://crm.example.com/hook", true), new Webhook("Audit", "https://audit.example.com/in", false)),
            1, 3, 2);

    static final ApplicationInventory NONE = new ApplicationInventory(List.of(), 0, List.of(), 0, 0, List.of(), List.of(), List.of(), 0, 0, 0);

    static final Inventory USERS = ScorerTest.TYPICAL; // 5 enterprise connections

    /** A made-up destination with these capabilities and a source link each, so a verdict's citations can be checked. */
    static Side destination(Map<String, Support> supports) {
        var capabilities = new HashMap<String, Side.Citation>();
        supports.forEach((k, v) -> capabilities.put(k, new Side.Citation("Dest", k, v.label(), v, List.of("https://dest.example/" + k), true)));
        return new Side("dest", "Dest", false, io.ciamportal.vendor.VendorEnums.HashExportPolicy.NONE, null, Set.of(), false, null,
                Map.copyOf(capabilities), Map.of(), 2, 2);
    }

    static Side destination(String capability, Support support) {
        return destination(Map.of(capability, support));
    }

    static final Side SOURCE = ScorerTest.side("src");

    static ApplicationAssessment.ItemVerdict verdict(Item item, Side destination, ApplicationInventory apps) {
        return ApplicationScorer.score(SOURCE, destination, USERS, apps).item(item);
    }

    @ParameterizedTest(name = "{0} = {1}: {2} is {3}")
    @CsvSource({
            // capability,     support,    item,                verdict
            "client-import,    YES,        CLIENTS,             MIGRATES_WITH_CONDITIONS",
            "client-import,    PAID_ADDON, CLIENTS,             MIGRATES_WITH_CONDITIONS",
            "client-import,    NO,         CLIENTS,             RECONFIGURE",
            "client-import,    UNKNOWN,    CLIENTS,             UNKNOWN",
            "user-id-import,   YES,        ISSUER,              RECONFIGURE",
            "user-id-import,   NO,         ISSUER,              REWRITE",
            "user-id-import,   UNKNOWN,    ISSUER,              UNKNOWN",
            "user-id-import,   PARTIAL,    ISSUER,              UNKNOWN",
            "custom-domains,   YES,        DOMAINS,             RECONFIGURE",
            "custom-domains,   PAID_ADDON, DOMAINS,             RECONFIGURE",
            "custom-domains,   NO,         DOMAINS,             LOST",
            "custom-domains,   UNKNOWN,    DOMAINS,             UNKNOWN",
            "sms-otp,          YES,        TEMPLATES,           RECONFIGURE",
            "sms-otp,          NO,         TEMPLATES,           LOST",
            "sms-otp,          UNKNOWN,    TEMPLATES,           UNKNOWN",
            "webhooks,         YES,        WEBHOOKS,            RECONFIGURE",
            "webhooks,         PARTIAL,    WEBHOOKS,            RECONFIGURE",
            "webhooks,         NO,         WEBHOOKS,            REWRITE",
            "webhooks,         UNKNOWN,    WEBHOOKS,            UNKNOWN",
            "audit-log-export, YES,        LOG_STREAMS,         RECONFIGURE",
            "audit-log-export, NO,         LOG_STREAMS,         LOST",
            "audit-log-export, UNKNOWN,    LOG_STREAMS,         UNKNOWN",
            "saml-sp,          YES,        ENTERPRISE_HANDOFF,  RECONFIGURE",
            "saml-sp,          NO,         ENTERPRISE_HANDOFF,  LOST",
            "saml-sp,          UNKNOWN,    ENTERPRISE_HANDOFF,  UNKNOWN"})
    void oneDestinationCapabilityDecidesAnItem(String capability, Support support, Item item, Verdict expected) {
        var v = verdict(item, destination(capability, support), APPS);
        assertThat(v.verdict()).isEqualTo(expected);
        assertThat(v.reason()).isNotBlank().doesNotContain("null");
        assertThat(v.facts()).as("the deciding fact is cited").anySatisfy(f -> {
            assertThat(f.fact()).isEqualTo(capability);
            assertThat(f.support()).isEqualTo(support);
        });
        if (expected == Verdict.UNKNOWN) {
            assertThat(v.reason()).contains("verify with the vendor");
        }
    }

    @Test
    void aCapabilityTheDatasetDoesNotHaveYetIsAnHonestUnknown() {
        // client-import and user-id-import are not in the dataset of every installation: Side.support gives UNKNOWN
        var a = ApplicationScorer.score(SOURCE, destination(Map.of()), USERS, APPS);
        assertThat(a.item(Item.CLIENTS).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(a.item(Item.CLIENTS).reason()).contains("verify with the vendor").contains("new client id");
        assertThat(a.item(Item.ISSUER).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(a.item(Item.ISSUER).reason()).contains("Shop stores sub as a key");
        assertThat(a.item(Item.CLIENTS).facts()).anySatisfy(f -> assertThat(f.value()).isEqualTo("unknown"));
    }

    @ParameterizedTest(name = "user ids kept {0}, Shop keyed on sub {1}: issuer {2}")
    @CsvSource({
            "YES,     true,  RECONFIGURE",
            "NO,      true,  REWRITE",
            "NO,      false, RECONFIGURE",
            "UNKNOWN, true,  UNKNOWN",
            "UNKNOWN, false, RECONFIGURE"})
    void subChangesBreakOnlyTheAppsKeyedOnIt(Support keepsIds, boolean keyed, Verdict expected) {
        var shop = new ClientApp("Shop", AppType.WEB, SHOP.redirectUris(), SHOP.logoutUris(), SHOP.grantTypes(), keyed);
        var apps = new ApplicationInventory(List.of(shop, MOBILE), 4, List.of(), 0, 0, List.of(), List.of(), List.of(), 0, 0, 0);
        var v = verdict(Item.ISSUER, destination("user-id-import", keepsIds), apps);
        assertThat(v.verdict()).isEqualTo(expected);
        assertThat(v.affected()).as("two apps and four APIs trust the new issuer").isEqualTo(6L);
        assertThat(v.reason()).contains("JWKS");
        assertThat(v.reason().contains("Shop")).isEqualTo(keyed);
    }

    @Test
    void countsComeFromTheInventory() {
        var all = Map.of("client-import", Support.NO, "user-id-import", Support.NO, "custom-domains", Support.YES, "sms-otp", Support.YES,
                "webhooks", Support.YES, "audit-log-export", Support.YES, "m2m-tokens", Support.YES, "management-api", Support.YES,
                "saml-sp", Support.YES);
        var a = ApplicationScorer.score(SOURCE, destination(all), USERS, APPS);
        assertThat(a.listed()).isTrue();
        assertThat(a.items()).extracting(ApplicationAssessment.ItemVerdict::item).containsExactly(Item.values());
        assertThat(a.item(Item.CLIENTS).affected()).isEqualTo(3L);
        assertThat(a.item(Item.CLIENTS).reason()).contains("3 redirect URIs", "1 logout URI", "2 confidential clients");
        assertThat(a.item(Item.DOMAINS).affected()).isEqualTo(2L);
        assertThat(a.item(Item.DOMAINS).reason()).contains("3 DNS records", "1 vendor-managed certificate", "1 certificate of your own");
        assertThat(a.item(Item.TEMPLATES).affected()).as("8 templates in 2 locales").isEqualTo(16L);
        assertThat(a.item(Item.TEMPLATES).reason()).contains("mail.example.com", "SPF", "DKIM");
        assertThat(a.item(Item.WEBHOOKS).affected()).isEqualTo(2L);
        assertThat(a.item(Item.WEBHOOKS).reason()).contains("1 signed receiver", "mints new");
        assertThat(a.item(Item.LOG_STREAMS).affected()).isEqualTo(1L);
        assertThat(a.item(Item.MACHINE_CREDENTIALS).verdict()).as("scripts on the management API are rewritten").isEqualTo(Verdict.REWRITE);
        assertThat(a.item(Item.MACHINE_CREDENTIALS).affected()).as("3 keys, 2 credentials, 1 M2M client").isEqualTo(6L);
        assertThat(a.item(Item.ENTERPRISE_HANDOFF).affected()).isEqualTo(5L);
        assertThat(a.item(Item.ENTERPRISE_HANDOFF).reason()).contains("identity provider", "admin", "hand-off");
    }

    @ParameterizedTest(name = "m2m-tokens {0}, management-api {1}, api keys {2}: {3}")
    @CsvSource({
            "YES,     YES,     0, RECONFIGURE",
            "YES,     YES,     3, REWRITE",
            "NO,      YES,     0, REWRITE",
            "YES,     NO,      3, LOST",
            "YES,     NO,      0, RECONFIGURE",
            "UNKNOWN, YES,     0, UNKNOWN",
            "YES,     UNKNOWN, 3, UNKNOWN"})
    void machineCredentialsNeedTokensAndAManagementApi(Support m2m, Support api, int keys, Verdict expected) {
        var apps = new ApplicationInventory(List.of(BATCH), 0, List.of(), 0, 0, List.of(), List.of(), List.of(), 0, keys, 1);
        var v = verdict(Item.MACHINE_CREDENTIALS, destination(Map.of("m2m-tokens", m2m, "management-api", api)), apps);
        assertThat(v.verdict()).isEqualTo(expected);
    }

    @Test
    void nothingListedMeansNothingToMoveAndAnEmptyInventoryMeansUnknownCounts() {
        var anything = destination(Map.of());
        var none = ApplicationScorer.score(SOURCE, anything, new Inventory(null, null, null, null, null, null, null, null, 0, null, null, null,
                null, null, null, null), NONE);
        assertThat(none.items()).filteredOn(i -> i.item() != Item.ISSUER)
                .allSatisfy(i -> {
                    assertThat(i.verdict()).as(i.item().name()).isEqualTo(Verdict.MIGRATES);
                    assertThat(i.affected()).isZero();
                });
        assertThat(none.item(Item.ISSUER).verdict()).as("no app keys on sub, yet the issuer still changes").isEqualTo(Verdict.RECONFIGURE);

        var unlisted = ApplicationScorer.score(SOURCE, destination(Map.of("client-import", Support.NO, "user-id-import", Support.NO)), USERS,
                ApplicationInventory.empty());
        assertThat(unlisted.listed()).isFalse();
        assertThat(unlisted.item(Item.CLIENTS).affected()).isNull();
        assertThat(unlisted.item(Item.CLIENTS).verdict()).isEqualTo(Verdict.RECONFIGURE);
        assertThat(unlisted.item(Item.ISSUER).verdict()).as("nobody listed who keys on sub").isEqualTo(Verdict.REWRITE);
        assertThat(ApplicationPlan.generate(anything, USERS, ApplicationInventory.empty(), unlisted)).as("no suggestions before a listing").isEmpty();
    }

    @Test
    void legacyGrantsAreNamed() {
        var legacy = new ClientApp("Old portal", AppType.SPA, List.of("https://old.example.com/cb"), List.of(), Set.of(GrantType.IMPLICIT), false);
        var apps = new ApplicationInventory(List.of(legacy), 0, List.of(), 0, 0, List.of(), List.of(), List.of(), 0, 0, 0);
        assertThat(verdict(Item.CLIENTS, destination("client-import", Support.YES), apps).reason()).contains("Old portal", "OAuth 2.1", "PKCE");
    }

    @Test
    void planItemsLandInTheirPhasesAfterTheUserSide() {
        var all = destination(Map.of("client-import", Support.NO, "user-id-import", Support.NO, "custom-domains", Support.YES,
                "webhooks", Support.YES, "saml-sp", Support.YES));
        var a = ApplicationScorer.score(SOURCE, all, USERS, APPS);
        var suggestions = ApplicationPlan.generate(all, USERS, APPS, a);
        assertThat(suggestions).filteredOn(s -> s.phase() == 1).anySatisfy(s -> assertThat(s.text()).startsWith("Verify with the vendor"));
        assertThat(suggestions).filteredOn(s -> s.phase() == 2).extracting(PlanGenerator.Suggestion::text)
                .anySatisfy(t -> assertThat(t).startsWith("Register the 3 client applications at Dest with their 3 redirect URIs"))
                .anySatisfy(t -> assertThat(t).contains("Map old to new user ids").contains("Shop"))
                .anySatisfy(t -> assertThat(t).contains("login.example.com and id.example.de"))
                .anySatisfy(t -> assertThat(t).contains("hand-off").contains("5 enterprise connections"));
        assertThat(suggestions).filteredOn(s -> s.phase() == 3).anySatisfy(s -> assertThat(s.text()).contains("old and new id"));
        assertThat(suggestions).filteredOn(s -> s.phase() == 5).anySatisfy(s -> assertThat(s.text()).contains("switch the DNS"));
        assertThat(suggestions).noneMatch(PlanGenerator.Suggestion::cutover);

        var user = List.of(new PlanGenerator.Suggestion(1, "u1", false), new PlanGenerator.Suggestion(5, "cut", true),
                new PlanGenerator.Suggestion(2, "u2", false));
        var merged = ApplicationPlan.merged(user, List.of(new PlanGenerator.Suggestion(2, "a2", false), new PlanGenerator.Suggestion(1, "a1", false)));
        assertThat(merged).extracting(PlanGenerator.Suggestion::text).containsExactly("u1", "a1", "u2", "a2", "cut");
    }
}
