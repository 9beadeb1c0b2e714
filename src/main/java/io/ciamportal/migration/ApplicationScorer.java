package io.ciamportal.migration;

import io.ciamportal.migration.ApplicationAssessment.Item;
import io.ciamportal.migration.ApplicationAssessment.ItemVerdict;
import io.ciamportal.migration.ApplicationInventory.AppType;
import io.ciamportal.migration.ApplicationInventory.ClientApp;
import io.ciamportal.migration.ApplicationInventory.GrantType;
import io.ciamportal.migration.ApplicationInventory.TlsCertificate;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.vendor.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The published rules (docs/applications.md, docs/migration-scoring.md) that turn a pair and its application-side
 * inventory into one verdict per application-side item. What the applications hold is configuration and secrets at
 * the vendor: nothing of it imports by itself, so the question per item is whether the destination offers a place for
 * it and whether ids stay. A destination fact the dataset does not have gives {@code UNKNOWN} with "verify with the
 * vendor", never an optimistic verdict. Pure: no Spring, no database.
 */
public final class ApplicationScorer {

    /** The destination imports client registrations with their client ids and secrets. */
    public static final String CLIENT_IMPORT = "client-import";
    /** The destination keeps an imported user's id, so the token's {@code sub} stays. */
    public static final String USER_ID_IMPORT = "user-id-import";

    private ApplicationScorer() {}

    public static ApplicationAssessment score(Side source, Side destination, Inventory inventory, ApplicationInventory apps) {
        boolean listed = !apps.isEmpty();
        return new ApplicationAssessment(listed, List.of(
                clients(destination, apps, listed),
                issuer(source, destination, apps, listed),
                domains(destination, apps, listed),
                templates(destination, apps, listed),
                webhooks(destination, apps, listed),
                logStreams(destination, apps),
                machineCredentials(destination, apps, listed),
                enterpriseHandoff(destination, inventory)));
    }

    // ---- items --------------------------------------------------------------------------------------------------

    static ItemVerdict clients(Side destination, ApplicationInventory apps, boolean listed) {
        var support = destination.support(CLIENT_IMPORT);
        var facts = List.of(destination.cite(CLIENT_IMPORT), destination.cite("oidc-provider"));
        String effort = "Per client: register, deploy its new configuration, test sign-in and sign-out";
        Long count = listed ? (long) apps.clients().size() : null;
        if (count != null && count == 0) {
            return new ItemVerdict(Item.CLIENTS, Verdict.MIGRATES, "No client applications are listed: nothing to register.", facts, 0L,
                    "client applications", "None");
        }
        long redirects = apps.clients().stream().mapToLong(c -> c.redirectUris().size()).sum();
        long logouts = apps.clients().stream().mapToLong(c -> c.logoutUris().size()).sum();
        long confidential = apps.clients().stream().filter(ClientApp::confidential).count();
        String uris = listed ? " Register " + plural(redirects, "redirect URI") + " and " + plural(logouts, "logout URI") + " exactly as they are."
                : " Register every redirect and logout URI exactly as it is.";
        String dst = destination.name();
        Verdict verdict;
        String reason;
        switch (support) {
            case YES -> {
                verdict = Verdict.MIGRATES_WITH_CONDITIONS;
                reason = dst + " imports client registrations with their ids and secrets: keep them, so apps change only the issuer and "
                        + "its endpoints." + uris;
            }
            case PARTIAL, PAID_ADDON -> {
                verdict = Verdict.MIGRATES_WITH_CONDITIONS;
                reason = dst + "'s client import is " + lower(support) + (support == Support.PAID_ADDON ? " (a paid add-on)" : "")
                        + ": check which ids and secrets it keeps, and re-issue the rest." + uris;
            }
            case NO -> {
                verdict = Verdict.RECONFIGURE;
                reason = dst + " does not import client registrations: register each application anew; each gets a new client id"
                        + (listed ? " and the " + plural(confidential, "confidential client") + " new secrets" : ", confidential ones new secrets")
                        + ", and every app deploys its new configuration." + uris;
            }
            default -> {
                verdict = Verdict.UNKNOWN;
                reason = "Whether " + dst + " can import client ids and secrets is unknown: verify with the vendor. Until then, plan to "
                        + "register each application anew with a new client id and secret." + uris;
            }
        }
        var legacy = apps.clients().stream()
                .filter(c -> c.grantTypes().contains(GrantType.IMPLICIT) || c.grantTypes().contains(GrantType.PASSWORD)).map(ClientApp::name).toList();
        if (!legacy.isEmpty()) {
            reason += " " + names(legacy) + " use the implicit or password grant, which OAuth 2.1 drops: check that " + dst
                    + " still allows it, or move them to the authorization code flow with PKCE.";
        }
        return new ItemVerdict(Item.CLIENTS, verdict, reason, facts, count, "client applications", effort);
    }

    static ItemVerdict issuer(Side source, Side destination, ApplicationInventory apps, boolean listed) {
        var keepsIds = destination.support(USER_ID_IMPORT);
        var facts = List.of(destination.cite(USER_ID_IMPORT), destination.cite("bulk-import"), destination.cite("custom-claims"));
        var keyed = apps.appsKeyedOnSub();
        Long validators = !listed || apps.tokenValidatingApis() == null ? null : apps.clients().size() + apps.tokenValidatingApis().longValue();
        String src = source.inHouse() ? "your in-house database" : source.name();
        String dst = destination.name();
        String trust = "Every app and API that validates tokens must trust " + dst + "'s issuer URL and its JWKS (new signing keys), "
                + "and accept both issuers during the dual run.";
        String effort = "Per app and API: issuer and JWKS configuration; per app keyed on sub: an id mapping";
        boolean anyKeyed = !keyed.isEmpty();
        // without a listing nobody knows whether an app keys on sub, so a changing sub might break one
        boolean keyedOrUnknown = anyKeyed || !listed;
        Verdict verdict;
        String reason;
        switch (keepsIds) {
            case YES -> {
                verdict = Verdict.RECONFIGURE;
                reason = trust + " " + dst + " keeps the ids users have at " + src + ", so sub stays" + (anyKeyed ? " and " + names(keyed)
                        + " keep the links to their records." : ".");
            }
            case PAID_ADDON -> {
                verdict = Verdict.RECONFIGURE;
                reason = trust + " " + dst + " keeps imported user ids only as a paid add-on: without it sub changes"
                        + (anyKeyed ? ", which breaks " + names(keyed) + "." : ".");
            }
            case NO -> {
                if (keyedOrUnknown) {
                    verdict = Verdict.REWRITE;
                    reason = trust + " " + dst + " gives imported users new ids, so sub changes: " + (anyKeyed ? names(keyed) + " store"
                            + (keyed.size() == 1 ? "s" : "") + " sub as a key" : "any app that stores sub as a key") + " must map old ids to new "
                            + "ones (a table filled at import, or the old id carried as a custom claim) before cutover.";
                } else {
                    verdict = Verdict.RECONFIGURE;
                    reason = trust + " " + dst + " gives imported users new ids, so sub changes; no listed application stores sub as a key. "
                            + "Check the APIs' own databases too.";
                }
            }
            default -> {
                if (keyedOrUnknown) {
                    verdict = Verdict.UNKNOWN;
                    reason = "Whether " + dst + " keeps the users' ids (so sub stays) is " + lower(keepsIds) + ": verify with the vendor"
                            + (anyKeyed ? ", because " + names(keyed) + " store" + (keyed.size() == 1 ? "s" : "") + " sub as a key." : ".")
                            + " " + trust;
                } else {
                    verdict = Verdict.RECONFIGURE;
                    reason = trust + " Whether " + dst + " keeps the users' ids is " + lower(keepsIds) + ", but no listed application "
                            + "stores sub as a key. Check the APIs' own databases too.";
                }
            }
        }
        return new ItemVerdict(Item.ISSUER, verdict, reason, facts, validators, "apps and APIs", effort);
    }

    static ItemVerdict domains(Side destination, ApplicationInventory apps, boolean listed) {
        var support = destination.support("custom-domains");
        var facts = List.of(destination.cite("custom-domains"));
        String unit = "domains";
        String effort = "Per domain: add it, its certificate, the DNS switch on cutover day, a test";
        String dst = destination.name();
        if (listed && apps.domains().isEmpty()) {
            return new ItemVerdict(Item.DOMAINS, Verdict.MIGRATES, "No custom domain is listed: sign-in is on the vendor's own domain today, "
                    + "so its URL changes with the issuer.", facts, 0L, unit, "None");
        }
        Long count = listed ? (long) apps.domains().size() : null;
        String what = listed ? plural(apps.domains().size(), "custom domain") + " (" + names(apps.domains().stream()
                .map(ApplicationInventory.CustomDomain::hostname).toList()) + ")" : "your custom domains";
        return switch (support) {
            case NO -> new ItemVerdict(Item.DOMAINS, Verdict.LOST, dst + " serves sign-in only on its own domain: " + what + " cannot be kept, "
                    + "so every redirect URI, link in an email and passkey relying-party ID changes.", facts, count, unit, effort);
            case UNKNOWN -> new ItemVerdict(Item.DOMAINS, Verdict.UNKNOWN, "Whether " + dst + " serves sign-in on your own domain is unknown: "
                    + "verify with the vendor.", facts, count, unit, effort);
            default -> new ItemVerdict(Item.DOMAINS, Verdict.RECONFIGURE, "Add " + what + " at " + dst
                    + (support == Support.PAID_ADDON ? " (custom domains are a paid add-on there)" : support == Support.PARTIAL
                            ? " (its custom-domain support is partial: check the note)" : "")
                    + ", and switch " + dnsRecords(apps, listed) + " on cutover day. " + tls(apps, listed)
                    + " Keeping the same domain keeps the URLs apps use and the passkeys' relying-party ID.", facts, count, unit, effort);
        };
    }

    static ItemVerdict templates(Side destination, ApplicationInventory apps, boolean listed) {
        var sms = destination.support("sms-otp");
        Integer email = apps.emailTemplates();
        Integer smsCount = apps.smsTemplates();
        boolean smsNeeded = !listed || smsCount == null || smsCount > 0;
        var facts = smsNeeded ? List.of(destination.cite("sms-otp")) : List.<Side.Citation>of();
        int locales = Math.max(1, apps.templateLocales().size());
        Long templates = !listed || email == null || smsCount == null ? null : (long) email + smsCount;
        Long variants = templates == null ? null : templates * locales;
        String unit = "template variants";
        String effort = "Per template and locale: rewrite and proofread; per sender domain: SPF and DKIM records";
        String dst = destination.name();
        if (templates != null && templates == 0 && apps.senderDomains().isEmpty()) {
            return new ItemVerdict(Item.TEMPLATES, Verdict.MIGRATES, "No custom templates or sender domains are listed: " + dst
                    + "'s defaults apply.", facts, 0L, unit, "None");
        }
        if (smsCount != null && smsCount > 0 && sms == Support.NO) {
            return new ItemVerdict(Item.TEMPLATES, Verdict.LOST, dst + " sends no SMS codes: " + plural(smsCount, "SMS template")
                    + " have no place there; move those users to another factor.", facts, variants, unit, effort);
        }
        if (smsNeeded && smsCount != null && smsCount > 0 && sms == Support.UNKNOWN) {
            return new ItemVerdict(Item.TEMPLATES, Verdict.UNKNOWN, "Whether " + dst + " sends SMS codes is unknown: verify with the vendor "
                    + "before you rewrite the SMS templates.", facts, variants, unit, effort);
        }
        String count = templates == null ? "each email and SMS template" : plural(email, "email template") + " and " + plural(smsCount, "SMS template");
        String inLocales = apps.templateLocales().isEmpty() ? "" : " in " + plural(apps.templateLocales().size(), "locale") + " ("
                + String.join(", ", apps.templateLocales()) + ")";
        String senders = apps.senderDomains().isEmpty() ? "For each sender domain" : "For " + names(apps.senderDomains());
        return new ItemVerdict(Item.TEMPLATES, Verdict.RECONFIGURE, "Templates do not move between vendors: rewrite " + count + inLocales
                + " in " + dst + "'s template syntax and placeholders. " + senders + ", publish the SPF include and DKIM keys of "
                + dst + " or of your own email provider and verify them before cutover, or mail lands in spam.", facts, variants, unit, effort);
    }

    static ItemVerdict webhooks(Side destination, ApplicationInventory apps, boolean listed) {
        var support = destination.support("webhooks");
        var facts = List.of(destination.cite("webhooks"));
        String unit = "endpoints";
        String effort = "Per endpoint: register it, deploy the new secret, adapt the receiver to the new payloads";
        String dst = destination.name();
        Long count = listed ? (long) apps.webhooks().size() : null;
        if (count != null && count == 0) {
            return new ItemVerdict(Item.WEBHOOKS, Verdict.MIGRATES, "No webhooks are listed: nothing to register.", facts, 0L, unit, "None");
        }
        long signed = apps.webhooks().stream().filter(ApplicationInventory.Webhook::signed).count();
        return switch (support) {
            case NO -> new ItemVerdict(Item.WEBHOOKS, Verdict.REWRITE, dst + " sends no webhooks: each receiver needs another source of "
                    + "events (its log stream, or polling its management API).", facts, count, unit, effort);
            case UNKNOWN -> new ItemVerdict(Item.WEBHOOKS, Verdict.UNKNOWN, "Whether " + dst + " sends webhooks is unknown: verify with the "
                    + "vendor.", facts, count, unit, effort);
            default -> new ItemVerdict(Item.WEBHOOKS, Verdict.RECONFIGURE, "Register " + (listed ? plural(count, "endpoint") : "each endpoint")
                    + " at " + dst + (support == Support.YES ? "" : " (its webhooks are " + lower(support) + ": check the events you need)")
                    + "; its event names and payloads differ, so adapt each receiver. Signing secrets never move: " + dst + " mints new ones"
                    + (listed ? ", and the " + plural(signed, "signed receiver") + " must verify the new secret" : ", which each signed receiver must verify")
                    + ".", facts, count, unit, effort);
        };
    }

    static ItemVerdict logStreams(Side destination, ApplicationInventory apps) {
        var support = destination.support("audit-log-export");
        var facts = List.of(destination.cite("audit-log-export"));
        String unit = "log streams";
        String effort = "Per stream: connect it, update the SIEM's parsers, alerts and dashboards";
        String dst = destination.name();
        Integer n = apps.logStreams();
        Long count = n == null ? null : n.longValue();
        if (count != null && count == 0) {
            return new ItemVerdict(Item.LOG_STREAMS, Verdict.MIGRATES, "No log streams to a SIEM are listed.", facts, 0L, unit, "None");
        }
        return switch (support) {
            case NO -> new ItemVerdict(Item.LOG_STREAMS, Verdict.LOST, dst + " neither exports nor streams its logs: the SIEM loses its "
                    + "sign-in and admin events from cutover on.", facts, count, unit, effort);
            case UNKNOWN -> new ItemVerdict(Item.LOG_STREAMS, Verdict.UNKNOWN, "Whether " + dst + " exports or streams its logs is unknown: "
                    + "verify with the vendor.", facts, count, unit, effort);
            default -> new ItemVerdict(Item.LOG_STREAMS, Verdict.RECONFIGURE, "Connect " + dst + "'s log export to the SIEM"
                    + (count == null ? "" : " for " + plural(count, "stream")) + (support == Support.YES ? "" : " (" + lower(support)
                            + " there: check the events it covers)") + "; its event names and fields differ, so update the parsers, "
                    + "alerts and dashboards before cutover.", facts, count, unit, effort);
        };
    }

    static ItemVerdict machineCredentials(Side destination, ApplicationInventory apps, boolean listed) {
        var m2m = destination.support("m2m-tokens");
        var api = destination.support("management-api");
        var facts = List.of(destination.cite("m2m-tokens"), destination.cite("management-api"));
        String unit = "keys and credentials";
        String effort = "Per key: issue anew, rotate into the secret store, revoke the old one at decommission";
        String dst = destination.name();
        long m2mClients = apps.clients().stream().filter(c -> c.type() == AppType.M2M).count();
        Long machines = apps.machineCredentials() == null ? null : apps.machineCredentials().longValue();
        Long keys = apps.apiKeys() == null ? null : apps.apiKeys().longValue();
        Long count = !listed || keys == null || machines == null ? null : keys + machines + m2mClients;
        if (count != null && count == 0) {
            return new ItemVerdict(Item.MACHINE_CREDENTIALS, Verdict.MIGRATES, "No API keys or machine credentials are listed.", facts, 0L,
                    unit, "None");
        }
        boolean needsTokens = !listed || m2mClients > 0 || machines == null || machines > 0;
        boolean needsApi = !listed || keys == null || keys > 0;
        if (needsTokens && m2m == Support.NO) {
            return new ItemVerdict(Item.MACHINE_CREDENTIALS, Verdict.REWRITE, dst + " issues no client-credentials tokens: services that "
                    + "authenticate with a machine credential today need another way in (your own token service or mutual TLS).", facts,
                    count, unit, effort);
        }
        if (needsApi && api == Support.NO) {
            return new ItemVerdict(Item.MACHINE_CREDENTIALS, Verdict.LOST, dst + " has no management API: scripts that manage users and "
                    + "configuration with an API key today must move to its console.", facts, count, unit, effort);
        }
        if ((needsTokens && m2m == Support.UNKNOWN) || (needsApi && api == Support.UNKNOWN)) {
            return new ItemVerdict(Item.MACHINE_CREDENTIALS, Verdict.UNKNOWN, "Whether " + dst + " issues machine-to-machine tokens and has a "
                    + "management API for your scripts is unknown: verify with the vendor.", facts, count, unit, effort);
        }
        String rewrite = needsApi ? " The scripts and services holding " + (keys == null ? "management API keys" : plural(keys, "API key"))
                + " call " + dst + "'s management API, which differs from today's: rewrite those calls." : "";
        return new ItemVerdict(Item.MACHINE_CREDENTIALS, needsApi ? Verdict.REWRITE : Verdict.RECONFIGURE, "Secrets never move: issue every "
                + "key and machine credential anew at " + dst + ", rotate it into each service's secret store and revoke the old one at "
                + "decommission." + rewrite, facts, count, unit, effort);
    }

    static ItemVerdict enterpriseHandoff(Side destination, Inventory inventory) {
        var saml = destination.support("saml-sp");
        var facts = List.of(destination.cite("saml-sp"), destination.cite("per-org-sso"));
        Integer n = inventory.enterpriseConnections();
        Long count = n == null ? null : n.longValue();
        String unit = "connections";
        String effort = "Per connection: a booked session with the customer's IdP admin, a test sign-in and a fallback date";
        String dst = destination.name();
        if (count != null && count == 0) {
            return new ItemVerdict(Item.ENTERPRISE_HANDOFF, Verdict.MIGRATES, "No enterprise connections in the inventory: no customer "
                    + "hand-off needed.", facts, 0L, unit, "None");
        }
        return switch (saml) {
            case NO -> new ItemVerdict(Item.ENTERPRISE_HANDOFF, Verdict.LOST, dst + " is no SAML service provider: customers who sign in "
                    + "through their own identity provider lose single sign-on.", facts, count, unit, effort);
            case UNKNOWN -> new ItemVerdict(Item.ENTERPRISE_HANDOFF, Verdict.UNKNOWN, "Whether " + dst + " accepts your customers' SAML "
                    + "identity providers is unknown: verify with the vendor before you book the hand-offs.", facts, count, unit, effort);
            default -> new ItemVerdict(Item.ENTERPRISE_HANDOFF, Verdict.RECONFIGURE, "Each enterprise connection ends in a customer's own "
                    + "identity provider, which only their admin can change: book a hand-off per connection"
                    + (count == null ? "" : " (" + count + ")") + " to enter " + dst + "'s new entity ID, ACS or redirect URL and signing "
                    + "certificate, test a sign-in together, and agree a fallback date"
                    + (saml == Support.YES ? "." : " (" + dst + "'s enterprise SSO is " + lower(saml) + ": check the plan first)."),
                    facts, count, unit, effort);
        };
    }

    // ---- wording ------------------------------------------------------------------------------------------------

    private static String dnsRecords(ApplicationInventory apps, boolean listed) {
        if (!listed) {
            return "their DNS records";
        }
        Long records = 0L;
        for (var d : apps.domains()) {
            if (d.dnsRecords() == null) {
                records = null;
                break;
            }
            records += d.dnsRecords();
        }
        return records == null ? "their DNS records" : plural(records, "DNS record");
    }

    private static String tls(ApplicationInventory apps, boolean listed) {
        if (!listed) {
            return "Each needs a TLS certificate at the destination.";
        }
        long own = apps.domains().stream().filter(d -> d.tls() == TlsCertificate.OWN_CERTIFICATE).count();
        long managed = apps.domains().stream().filter(d -> d.tls() == TlsCertificate.VENDOR_MANAGED).count();
        long unknown = apps.domains().size() - own - managed;
        var parts = new ArrayList<String>();
        if (managed > 0) {
            parts.add(plural(managed, "vendor-managed certificate") + " must be issued anew (the domain must validate first)");
        }
        if (own > 0) {
            parts.add(plural(own, "certificate") + " of your own must be uploaded with its key");
        }
        if (unknown > 0) {
            parts.add("find out who holds the certificate of " + plural(unknown, "domain"));
        }
        String text = String.join("; ", parts);
        return text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    static String plural(@Nullable Number n, String singular) {
        if (n == null) {
            return "the " + singular + "s";
        }
        return String.format(Locale.ENGLISH, "%,d", n.longValue()) + " " + singular + (n.longValue() == 1 ? "" : "s");
    }

    /** "A, B and 3 more" for a reason that should stay one line. */
    static String names(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        var shown = names.size() > 4 ? names.subList(0, 3) : names;
        String rest = names.size() > 4 ? " and " + (names.size() - 3) + " more" : "";
        if (!rest.isEmpty()) {
            return String.join(", ", shown) + rest;
        }
        return shown.size() == 1 ? shown.getFirst() : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.getLast();
    }

    private static String lower(Support s) {
        return s.label().toLowerCase(Locale.ROOT);
    }
}
