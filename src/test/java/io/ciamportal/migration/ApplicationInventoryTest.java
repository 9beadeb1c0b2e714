package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.migration.ApplicationInventory.AppType;
import io.ciamportal.migration.ApplicationInventory.ClientApp;
import io.ciamportal.migration.ApplicationInventory.CustomDomain;
import io.ciamportal.migration.ApplicationInventory.GrantType;
import io.ciamportal.migration.ApplicationInventory.TlsCertificate;
import io.ciamportal.migration.ApplicationInventory.Webhook;
import io.ciamportal.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The application-side inventory's validation: each refusal names its field, and what passes is cleaned. */
class ApplicationInventoryTest {

    static ClientApp web(String name, String... redirects) {
        return new ClientApp(name, AppType.WEB, List.of(redirects), List.of(), Set.of(GrantType.AUTHORIZATION_CODE), false);
    }

    static ApplicationInventory withClients(ClientApp... clients) {
        return new ApplicationInventory(Arrays.asList(clients), null, List.of(), null, null, List.of(), List.of(), List.of(), null, null, null);
    }

    @ParameterizedTest(name = "redirect \"{0}\" is refused at clients[0].redirectUris[1]")
    @CsvSource(delimiter = '|', value = {
            "/callback                          | not an absolute URI",
            "login.example.com/callback         | not an absolute URI",
            "https://app.example.com/cb#section | fragment",
            "https:///callback                  | has no host",
            "https://app.example.com/a b        | not a valid URI",
            "'   '                              | Give the URI"})
    void aRedirectUriThatIsNotAbsoluteIsRefusedWithItsField(String uri, String message) {
        var inventory = withClients(web("Shop", "https://shop.example.com/callback", uri));
        assertThatThrownBy(inventory::validated).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("clients[0].redirectUris[1]");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void absoluteUrisPassIncludingANativeAppsOwnSchemeAndLoopback() {
        var clean = withClients(new ClientApp("Mobile", AppType.NATIVE, List.of("com.example.app:/oauth2redirect", "http://127.0.0.1:8765/cb",
                " https://m.example.com/cb ", "https://m.example.com/cb"), List.of(), Set.of(), true)).validated();
        assertThat(clean.clients().getFirst().redirectUris()).containsExactly("com.example.app:/oauth2redirect", "http://127.0.0.1:8765/cb",
                "https://m.example.com/cb");
        assertThat(clean.appsKeyedOnSub()).containsExactly("Mobile");
    }

    @Test
    void eachRefusalNamesItsField() {
        var refusals = List.of(
                new Case(withClients(web("Shop"), web(" shop ")), "clients[1].name"),
                new Case(withClients(new ClientApp("", AppType.WEB, List.of(), List.of(), Set.of(), false)), "clients[0].name"),
                new Case(withClients(new ClientApp("Shop", null, List.of(), List.of(), Set.of(), false)), "clients[0].type"),
                new Case(withClients(new ClientApp("Batch", AppType.M2M, List.of("https://x.example.com/cb"), List.of(), Set.of(), false)),
                        "clients[0].redirectUris"),
                new Case(withClients(new ClientApp("Shop", AppType.WEB, List.of(), List.of("logout"), Set.of(), false)), "clients[0].logoutUris[0]"),
                new Case(withClients(new ClientApp[] {null}), "clients[0]"),
                new Case(new ApplicationInventory(List.of(), -1, List.of(), null, null, List.of(), List.of(), List.of(), null, null, null),
                        "tokenValidatingApis"),
                new Case(new ApplicationInventory(List.of(), null, List.of(new CustomDomain("login_example.com", 2, TlsCertificate.UNKNOWN)), null,
                        null, List.of(), List.of(), List.of(), null, null, null), "domains[0].hostname"),
                new Case(new ApplicationInventory(List.of(), null, List.of(new CustomDomain("login.example.com", 2, null),
                        new CustomDomain("LOGIN.example.com.", 1, null)), null, null, List.of(), List.of(), List.of(), null, null, null),
                        "domains[1].hostname"),
                new Case(new ApplicationInventory(List.of(), null, List.of(new CustomDomain("login.example.com", -2, null)), null, null,
                        List.of(), List.of(), List.of(), null, null, null), "domains[0].dnsRecords"),
                new Case(new ApplicationInventory(List.of(), null, List.of(), 2_000_000, null, List.of(), List.of(), List.of(), null, null, null),
                        "emailTemplates"),
                new Case(new ApplicationInventory(List.of(), null, List.of(), null, null, List.of("en", "english please"), List.of(), List.of(),
                        null, null, null), "templateLocales[1]"),
                new Case(new ApplicationInventory(List.of(), null, List.of(), null, null, List.of(), List.of("mail example com"), List.of(), null,
                        null, null), "senderDomains[0]"),
                new Case(new ApplicationInventory(List.of(), null, List.of(), null, null, List.of(), List.of(),
                        List.of(new Webhook("Sync", "ftp://hooks.example.com/in", true)), null, null, null), "webhooks[0].endpoint"),
                new Case(new ApplicationInventory(List.of(), null, List.of(), null, null, List.of(), List.of(),
                        List.of(new Webhook("", "https://hooks.example.com/in", true)), null, null, null), "webhooks[0].name"),
                new Case(new ApplicationInventory(List.of(), null, List.of(), null, null, List.of(), List.of(), List.of(), null, -3, null),
                        "apiKeys"),
                new Case(new ApplicationInventory(List.of(), null, List.of(), null, null, List.of(), List.of(), List.of(), null, null, -1),
                        "machineCredentials"),
                new Case(withClients(tooMany()), "clients"));
        for (var c : refusals) {
            assertThatThrownBy(c.inventory()::validated).as(c.field()).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo(c.field()));
        }
    }

    record Case(ApplicationInventory inventory, String field) {}

    private static ClientApp[] tooMany() {
        var out = new ArrayList<ClientApp>();
        for (int i = 0; i <= ApplicationInventory.MAX_CLIENTS; i++) {
            out.add(web("App " + i));
        }
        return out.toArray(ClientApp[]::new);
    }

    @Test
    void cleaningTrimsLowerCasesCanonicalisesAndDropsRepeats() {
        var raw = new ApplicationInventory(List.of(web("  Shop  ", "https://shop.example.com/cb")), 3,
                List.of(new CustomDomain(" Login.Example.COM. ", null, null)), 4, 1, List.of("en", "de-ch", "EN"),
                List.of("Mail.example.com", "mail.example.com"), List.of(new Webhook(" Sync ", "https://hooks.example.com/in", true)), 1, 2, 0);
        var clean = raw.validated();
        assertThat(clean.clients().getFirst().name()).isEqualTo("Shop");
        assertThat(clean.domains().getFirst()).isEqualTo(new CustomDomain("login.example.com", null, TlsCertificate.UNKNOWN));
        assertThat(clean.templateLocales()).containsExactly("en", "de-CH");
        assertThat(clean.senderDomains()).containsExactly("mail.example.com");
        assertThat(clean.webhooks().getFirst().name()).isEqualTo("Sync");
        assertThat(clean.validated()).as("cleaning twice changes nothing").isEqualTo(clean);
        assertThat(clean.isEmpty()).isFalse();
        assertThat(ApplicationInventory.empty().isEmpty()).isTrue();
        assertThat(ApplicationInventory.empty().validated()).isEqualTo(ApplicationInventory.empty());
    }

    @Test
    void missingListsFromJsonAreEmptyAndTheStoredJsonReadsBackTheSame() {
        var json = JsonMapper.builder().build();
        var fromJson = json.readValue("{\"clients\": [{\"name\": \"Shop\", \"type\": \"SPA\", \"redirectUris\": [\"https://shop.example.com/cb\"],"
                + " \"grantTypes\": [\"AUTHORIZATION_CODE\", \"REFRESH_TOKEN\"], \"keysOnSub\": true}, {\"name\": \"Batch\", \"type\": \"M2M\"}],"
                + " \"webhooks\": [{\"name\": \"CRM\", \"endpoint\": \"https://crm.example.com/in\"}], \"apiKeys\": 2}", ApplicationInventory.class);
        assertThat(fromJson.clients().get(1).keysOnSub()).as("a missing flag is no").isFalse();
        assertThat(fromJson.webhooks().getFirst().signed()).isFalse();
        assertThat(fromJson.domains()).isEmpty();
        assertThat(fromJson.clients().getFirst().logoutUris()).isEmpty();
        var clean = fromJson.validated();
        String stored = json.writeValueAsString(clean);
        assertThat(stored).doesNotContain("\"empty\"");
        assertThat(json.readValue(stored, ApplicationInventory.class)).isEqualTo(clean);
        assertThat(clean.asMap()).containsEntry("apiKeys", 2).containsKey("clients");
        assertThat(Arrays.stream(GrantType.values()).map(GrantType::wireName)).contains("authorization_code", "client_credentials");
    }
}
