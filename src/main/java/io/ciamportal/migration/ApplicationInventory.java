package io.ciamportal.migration;

import io.ciamportal.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the applications hold that a cutover breaks: the client applications with their URIs and grants, the APIs that
 * validate the issuer's tokens, custom domains, message templates and sender domains, webhooks and log streams, API
 * keys and machine credentials. Counts may be null, which means unknown, never zero. Lists are never null (empty when
 * none are listed). Nothing here identifies a person.
 *
 * @param tokenValidatingApis APIs and services that validate the issuer's tokens (they must trust the new issuer and JWKS)
 * @param templateLocales BCP 47 language tags the email and SMS templates exist in
 * @param senderDomains domains email is sent from (SPF and DKIM records move with them)
 * @param logStreams log streams to a SIEM or log store
 * @param apiKeys management API keys and tokens held by scripts and services
 * @param machineCredentials credentials of machines that are not OAuth clients listed above (service accounts, signing keys)
 */
public record ApplicationInventory(
        List<ClientApp> clients,
        @Nullable Integer tokenValidatingApis,
        List<CustomDomain> domains,
        @Nullable Integer emailTemplates,
        @Nullable Integer smsTemplates,
        List<String> templateLocales,
        List<String> senderDomains,
        List<Webhook> webhooks,
        @Nullable Integer logStreams,
        @Nullable Integer apiKeys,
        @Nullable Integer machineCredentials) {

    public static final int MAX_CLIENTS = 500;
    public static final int MAX_URIS = 100;
    public static final int MAX_URI_LENGTH = 2_000;
    public static final int MAX_NAME = 120;
    public static final int MAX_LIST = 200;

    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    /** The kind of client application, as OAuth and the vendors' consoles name them. */
    public enum AppType {
        WEB("Web application (server side)"),
        SPA("Single-page application"),
        NATIVE("Native or mobile application"),
        M2M("Machine to machine");

        private final String label;

        AppType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** OAuth 2.0 grant types a client uses. */
    public enum GrantType {
        AUTHORIZATION_CODE("authorization_code"),
        REFRESH_TOKEN("refresh_token"),
        CLIENT_CREDENTIALS("client_credentials"),
        DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code"),
        TOKEN_EXCHANGE("urn:ietf:params:oauth:grant-type:token-exchange"),
        IMPLICIT("implicit"),
        PASSWORD("password");

        private final String wireName;

        GrantType(String wireName) {
            this.wireName = wireName;
        }

        /** The grant type as it appears in a token request and in client metadata (RFC 7591). */
        public String wireName() {
            return wireName;
        }
    }

    /** Who holds the TLS certificate of a custom domain. */
    public enum TlsCertificate {
        VENDOR_MANAGED("Managed by the vendor"),
        OWN_CERTIFICATE("Our own certificate"),
        UNKNOWN("Unknown");

        private final String label;

        TlsCertificate(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One client application.
     *
     * @param keysOnSub the application stores the token's {@code sub} as a key (a foreign key in its database), so a
     *     changed subject breaks the link to its own records
     */
    public record ClientApp(String name, AppType type, List<String> redirectUris, List<String> logoutUris, Set<GrantType> grantTypes,
            boolean keysOnSub) {

        public ClientApp {
            redirectUris = copy(redirectUris);
            logoutUris = copy(logoutUris);
            var grants = grantTypes == null ? Set.<GrantType>of() : grantTypes.stream().filter(java.util.Objects::nonNull).toList();
            grantTypes = grants.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(grants));
        }

        /** From JSON, where a missing {@code keysOnSub} means no. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static ClientApp fromJson(@com.fasterxml.jackson.annotation.JsonProperty("name") String name,
                @com.fasterxml.jackson.annotation.JsonProperty("type") AppType type,
                @com.fasterxml.jackson.annotation.JsonProperty("redirectUris") @Nullable List<String> redirectUris,
                @com.fasterxml.jackson.annotation.JsonProperty("logoutUris") @Nullable List<String> logoutUris,
                @com.fasterxml.jackson.annotation.JsonProperty("grantTypes") @Nullable Set<GrantType> grantTypes,
                @com.fasterxml.jackson.annotation.JsonProperty("keysOnSub") @Nullable Boolean keysOnSub) {
            return new ClientApp(name, type, redirectUris, logoutUris, grantTypes, Boolean.TRUE.equals(keysOnSub));
        }

        /** Confidential clients hold a secret that must be re-issued unless the destination imports it. */
        public boolean confidential() {
            return type == AppType.WEB || type == AppType.M2M;
        }
    }

    /**
     * A custom domain the sign-in is served on.
     *
     * @param dnsRecords DNS records that point it at the vendor (CNAME, verification TXT), or null when unknown
     */
    public record CustomDomain(String hostname, @Nullable Integer dnsRecords, TlsCertificate tls) {}

    /**
     * A webhook or event endpoint the source calls.
     *
     * @param signed the receiver verifies a signing secret, which the destination mints anew
     */
    public record Webhook(String name, String endpoint, boolean signed) {

        /** From JSON, where a missing {@code signed} means no. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Webhook fromJson(@com.fasterxml.jackson.annotation.JsonProperty("name") String name,
                @com.fasterxml.jackson.annotation.JsonProperty("endpoint") String endpoint,
                @com.fasterxml.jackson.annotation.JsonProperty("signed") @Nullable Boolean signed) {
            return new Webhook(name, endpoint, Boolean.TRUE.equals(signed));
        }
    }

    /** A missing list (from JSON) is an empty one; a null element stays, so {@link #validated()} can name its field. */
    public ApplicationInventory {
        clients = copy(clients);
        domains = copy(domains);
        templateLocales = copy(templateLocales);
        senderDomains = copy(senderDomains);
        webhooks = copy(webhooks);
    }

    private static <T> List<T> copy(@Nullable List<T> list) {
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static ApplicationInventory empty() {
        return new ApplicationInventory(List.of(), null, List.of(), null, null, List.of(), List.of(), List.of(), null, null, null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return equals(empty());
    }

    /** Clients that store {@code sub} as a key: a changed subject breaks them. */
    public List<String> appsKeyedOnSub() {
        return clients.stream().filter(ClientApp::keysOnSub).map(ClientApp::name).toList();
    }

    /**
     * Checks every value; the first problem is thrown with the field named (for example {@code clients[2].redirectUris[0]}).
     *
     * @return this inventory with text trimmed, hostnames lower-cased and duplicates in the lists of names removed
     */
    public ApplicationInventory validated() {
        if (clients.size() > MAX_CLIENTS) {
            throw new InvalidInputException("clients", "At most " + MAX_CLIENTS + " client applications.");
        }
        var cleanClients = new ArrayList<ClientApp>();
        var names = new java.util.HashSet<String>();
        for (int i = 0; i < clients.size(); i++) {
            var c = clients.get(i);
            String field = "clients[" + i + "]";
            if (c == null) {
                throw new InvalidInputException(field, "An empty entry: remove it or fill in the application.");
            }
            String name = name(field + ".name", c.name());
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(field + ".name", "Two client applications are named " + name + ": give each its own name.");
            }
            if (c.type() == null) {
                throw new InvalidInputException(field + ".type", "Choose the kind of application: " + String.join(", ",
                        java.util.Arrays.stream(AppType.values()).map(Enum::name).toList()) + ".");
            }
            var redirects = uris(field + ".redirectUris", c.redirectUris());
            var logouts = uris(field + ".logoutUris", c.logoutUris());
            if (c.type() == AppType.M2M && !redirects.isEmpty()) {
                throw new InvalidInputException(field + ".redirectUris", "A machine-to-machine client signs in no user: it has no redirect URIs.");
            }
            if (c.type() == AppType.M2M && !logouts.isEmpty()) {
                throw new InvalidInputException(field + ".logoutUris", "A machine-to-machine client signs in no user: it has no logout URIs.");
            }
            cleanClients.add(new ClientApp(name, c.type(), redirects, logouts, c.grantTypes(), c.keysOnSub()));
        }
        count("tokenValidatingApis", tokenValidatingApis);
        if (domains.size() > MAX_LIST) {
            throw new InvalidInputException("domains", "At most " + MAX_LIST + " custom domains.");
        }
        var cleanDomains = new ArrayList<CustomDomain>();
        var hosts = new java.util.HashSet<String>();
        for (int i = 0; i < domains.size(); i++) {
            var d = domains.get(i);
            if (d == null) {
                throw new InvalidInputException("domains[" + i + "]", "An empty entry: remove it or fill in the domain.");
            }
            String host = hostname("domains[" + i + "].hostname", d.hostname());
            if (!hosts.add(host)) {
                throw new InvalidInputException("domains[" + i + "].hostname", host + " is listed twice.");
            }
            count("domains[" + i + "].dnsRecords", d.dnsRecords());
            cleanDomains.add(new CustomDomain(host, d.dnsRecords(), d.tls() == null ? TlsCertificate.UNKNOWN : d.tls()));
        }
        count("emailTemplates", emailTemplates);
        count("smsTemplates", smsTemplates);
        var locales = new ArrayList<String>();
        for (int i = 0; i < Math.min(templateLocales.size(), MAX_LIST + 1); i++) {
            String tag = templateLocales.get(i) == null ? "" : templateLocales.get(i).strip();
            if (!LANGUAGE_TAG.matcher(tag).matches()) {
                throw new InvalidInputException("templateLocales[" + i + "]", "\"" + clip(tag) + "\" is not a language tag (for example en, de-CH, pt-BR).");
            }
            String canonical = Locale.forLanguageTag(tag).toLanguageTag();
            if (!locales.contains(canonical)) {
                locales.add(canonical);
            }
        }
        if (templateLocales.size() > MAX_LIST) {
            throw new InvalidInputException("templateLocales", "At most " + MAX_LIST + " locales.");
        }
        var senders = new ArrayList<String>();
        if (senderDomains.size() > MAX_LIST) {
            throw new InvalidInputException("senderDomains", "At most " + MAX_LIST + " sender domains.");
        }
        for (int i = 0; i < senderDomains.size(); i++) {
            String host = hostname("senderDomains[" + i + "]", senderDomains.get(i));
            if (!senders.contains(host)) {
                senders.add(host);
            }
        }
        if (webhooks.size() > MAX_LIST) {
            throw new InvalidInputException("webhooks", "At most " + MAX_LIST + " webhooks.");
        }
        var cleanHooks = new ArrayList<Webhook>();
        for (int i = 0; i < webhooks.size(); i++) {
            var w = webhooks.get(i);
            String field = "webhooks[" + i + "]";
            if (w == null) {
                throw new InvalidInputException(field, "An empty entry: remove it or fill in the webhook.");
            }
            String endpoint = uri(field + ".endpoint", w.endpoint());
            String scheme = URI.create(endpoint).getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new InvalidInputException(field + ".endpoint", "A webhook endpoint is an http or https URL.");
            }
            cleanHooks.add(new Webhook(name(field + ".name", w.name()), endpoint, w.signed()));
        }
        count("logStreams", logStreams);
        count("apiKeys", apiKeys);
        count("machineCredentials", machineCredentials);
        return new ApplicationInventory(cleanClients, tokenValidatingApis, cleanDomains, emailTemplates, smsTemplates, locales, senders,
                cleanHooks, logStreams, apiKeys, machineCredentials);
    }

    /** The inventory as an ordered map, for the audit log, the report and the sign-off state hash. */
    public Map<String, @Nullable Object> asMap() {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("clients", clients.stream().map(c -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", c.name());
            m.put("type", c.type().name());
            m.put("redirectUris", c.redirectUris());
            m.put("logoutUris", c.logoutUris());
            m.put("grantTypes", c.grantTypes().stream().sorted().map(Enum::name).toList());
            m.put("keysOnSub", c.keysOnSub());
            return m;
        }).toList());
        map.put("tokenValidatingApis", tokenValidatingApis);
        map.put("domains", domains.stream().map(d -> {
            var m = new LinkedHashMap<String, @Nullable Object>();
            m.put("hostname", d.hostname());
            m.put("dnsRecords", d.dnsRecords());
            m.put("tls", d.tls().name());
            return m;
        }).toList());
        map.put("emailTemplates", emailTemplates);
        map.put("smsTemplates", smsTemplates);
        map.put("templateLocales", templateLocales);
        map.put("senderDomains", senderDomains);
        map.put("webhooks", webhooks.stream().map(w -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", w.name());
            m.put("endpoint", w.endpoint());
            m.put("signed", w.signed());
            return m;
        }).toList());
        map.put("logStreams", logStreams);
        map.put("apiKeys", apiKeys);
        map.put("machineCredentials", machineCredentials);
        return map;
    }

    private static String name(String field, @Nullable String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, "Give a name.");
        }
        if (v.length() > MAX_NAME) {
            throw new InvalidInputException(field, "At most " + MAX_NAME + " characters.");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "A name cannot hold control characters.");
        }
        return v;
    }

    private static List<String> uris(String field, @Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_URIS) {
            throw new InvalidInputException(field, "At most " + MAX_URIS + " URIs per application.");
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < values.size(); i++) {
            String u = uri(field + "[" + i + "]", values.get(i));
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }

    /** What is wrong with one redirect, logout or endpoint URI, or null when it passes (for a form's check as one types). */
    public static @Nullable String uriProblem(@Nullable String value) {
        try {
            uri("uri", value);
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    /** An absolute URI without a fragment (RFC 6749, 3.1.2); a native app's private-use scheme is absolute too. */
    static String uri(String field, @Nullable String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, "Give the URI, or remove the empty line.");
        }
        if (v.length() > MAX_URI_LENGTH) {
            throw new InvalidInputException(field, "A URI of at most " + MAX_URI_LENGTH + " characters.");
        }
        URI parsed;
        try {
            parsed = new URI(v);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "\"" + clip(v) + "\" is not a valid URI: " + e.getReason() + ".");
        }
        if (!parsed.isAbsolute()) {
            throw new InvalidInputException(field, "\"" + clip(v) + "\" is not an absolute URI: start it with its scheme, for example https://.");
        }
        if (parsed.getRawFragment() != null) {
            throw new InvalidInputException(field, "A redirect or endpoint URI cannot have a fragment (#…).");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && (parsed.getHost() == null || parsed.getHost().isBlank())) {
            throw new InvalidInputException(field, "\"" + clip(v) + "\" has no host.");
        }
        return v;
    }

    private static String hostname(String field, @Nullable String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        if (!HOSTNAME.matcher(v).matches()) {
            throw new InvalidInputException(field, "\"" + clip(v) + "\" is not a domain name (for example login.example.com).");
        }
        return v;
    }

    private static void count(String field, @Nullable Integer value) {
        if (value != null && (value < 0 || value > 1_000_000)) {
            throw new InvalidInputException(field, "A count from 0 to 1,000,000.");
        }
    }

    private static String clip(String v) {
        return v.length() > 80 ? v.substring(0, 79) + "…" : v;
    }
}
