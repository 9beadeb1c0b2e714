package io.ciamportal.selector;

import io.ciamportal.selector.Choices.Hosting;
import io.ciamportal.selector.Choices.Reason;
import io.ciamportal.selector.Outcome.Criterion;
import io.ciamportal.selector.Outcome.Eliminated;
import io.ciamportal.selector.Outcome.Gate;
import io.ciamportal.selector.Outcome.Lack;
import io.ciamportal.selector.Outcome.Ranked;
import io.ciamportal.selector.Outcome.Score;
import io.ciamportal.selector.Outcome.Verify;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The selector's rules (docs/selector.md): gates drop vendors with a named reason, unknowns on a gate go to "verify with
 * vendor", and the rest are ranked by points per criterion. Pure and deterministic: no Spring, no database, no clock,
 * no randomness; the same answers and candidates always give the same outcome, ties broken by name.
 */
public final class SelectorEngine {

    /**
     * The company behind each platform, for "forced off an end-of-life platform": the same provider's successor keeps
     * the cloud account, billing and much of the tooling (Azure AD B2C to Entra External ID is Microsoft's own path).
     */
    static final Map<String, String> PROVIDERS = Map.of(
            "azure-ad-b2c", "Microsoft", "entra-external-id", "Microsoft",
            "auth0", "Okta", "okta", "Okta",
            "cognito", "AWS",
            "firebase-auth", "Google");

    /** The capabilities each reason for moving leans on; a ranked vendor "lacks" those it does not fully support. */
    static final Map<Reason, List<String>> REASON_CAPABILITIES = Map.of(
            Reason.PER_MAU_COST, List.of("free-tier"),
            Reason.B2C_PASSWORDLESS, List.of("passkeys", "magic-link", "email-otp"),
            Reason.B2B_SSO_SCIM, List.of("saml-sp", "scim-inbound", "organizations", "per-org-sso"),
            Reason.SOVEREIGNTY, List.of(),
            Reason.END_OF_LIFE, List.of("jit-migration"),
            Reason.LEAVING_SUITE, List.of(),
            Reason.GREENFIELD, List.of("free-tier"));

    private static final Comparator<Candidate> BY_NAME = Comparator.comparing((Candidate c) -> c.name().toLowerCase(Locale.ROOT))
            .thenComparing(Candidate::slug);

    private SelectorEngine() {}

    public static Outcome run(Answers answers, List<Candidate> candidates) {
        var sorted = candidates.stream().sorted(BY_NAME).toList();
        var current = answers.currentPlatform() == null ? null
                : sorted.stream().filter(c -> c.slug().equals(answers.currentPlatform())).findFirst().orElse(null);
        var ranked = new ArrayList<Ranked>();
        var verify = new ArrayList<Verify>();
        var eliminated = new ArrayList<Eliminated>();
        for (var candidate : sorted) {
            var unknown = new ArrayList<String>();
            var drop = gates(answers, candidate, unknown);
            if (drop.isPresent()) {
                eliminated.add(drop.get());
            } else if (!unknown.isEmpty()) {
                verify.add(new Verify(candidate.slug(), candidate.name(), List.copyOf(unknown)));
            } else {
                ranked.add(rank(answers, candidate, current));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::total).reversed()
                .thenComparing(r -> r.name().toLowerCase(Locale.ROOT)).thenComparing(Ranked::slug));
        eliminated.sort(Comparator.comparing(Eliminated::gate));
        return new Outcome(List.copyOf(ranked), List.copyOf(verify), List.copyOf(eliminated));
    }

    // ---- gates --------------------------------------------------------------------------------------------------

    /** The first gate the candidate fails, if any; unknowns on gates it passes otherwise are added to {@code unknown}. */
    static Optional<Eliminated> gates(Answers a, Candidate c, List<String> unknown) {
        if (c.slug().equals(a.currentPlatform())) {
            return drop(c, Gate.CURRENT_PLATFORM, c.name() + " is the platform you are leaving.");
        }
        if (c.lifecycle() == LifecycleStatus.END_OF_SALE) {
            return drop(c, Gate.LIFECYCLE, "Not sold to new customers since " + (c.endOfSale() == null ? "an announced date" : c.endOfSale()) + ".");
        }
        if (c.lifecycle() == LifecycleStatus.END_OF_LIFE) {
            return drop(c, Gate.LIFECYCLE, "End of life since " + (c.endOfLife() == null ? "an announced date" : c.endOfLife()) + ".");
        }
        if (a.hosting() == Hosting.MANAGED && !c.managedOffering()) {
            return drop(c, Gate.HOSTING, "Self-hosted only; you asked for a managed service.");
        }
        if (a.hosting() == Hosting.SELF_HOSTED && !c.selfHostable()) {
            return drop(c, Gate.HOSTING, "Managed service only; you asked to self-host.");
        }
        if (a.openSourceRequired() && !c.openSource()) {
            return drop(c, Gate.OPEN_SOURCE, "Not published under an open-source licence.");
        }
        boolean runsItYourself = runsItYourself(a, c);
        var missingRegions = new ArrayList<String>();
        for (String region : a.residency()) {
            var concrete = c.regions().stream().filter(r -> !r.equals("ANY")).toList();
            if (runsItYourself || c.regions().contains(region)) {
                continue;
            }
            if (concrete.isEmpty()) {
                unknown.add("residency:" + region);
            } else {
                missingRegions.add(region);
            }
        }
        if (!missingRegions.isEmpty()) {
            return drop(c, Gate.RESIDENCY, "Hosts data in " + String.join(", ", c.regions().stream().filter(r -> !r.equals("ANY")).toList())
                    + "; not in " + String.join(", ", missingRegions) + ".");
        }
        var missingAttestations = new ArrayList<String>();
        for (String attestation : a.attestations()) {
            if (runsItYourself || c.attestations().contains(attestation)) {
                continue;
            }
            if (c.attestations().isEmpty()) {
                unknown.add("attestation:" + attestation);
            } else {
                missingAttestations.add(attestation);
            }
        }
        if (!missingAttestations.isEmpty()) {
            return drop(c, Gate.ATTESTATIONS, "Publishes " + String.join(", ", c.attestations()) + "; not "
                    + String.join(", ", missingAttestations) + ".");
        }
        var missing = new ArrayList<String>();
        for (String capability : a.mustHave()) {
            Support support = c.support(capability);
            switch (support) {
                case YES -> { }
                case UNKNOWN -> unknown.add(capability);
                default -> missing.add(capability + " (" + support.label().toLowerCase(Locale.ROOT) + ")");
            }
        }
        if (!missing.isEmpty()) {
            return drop(c, Gate.MUST_HAVE, "Does not fully support " + String.join(", ", missing)
                    + ". A must-have needs a plain yes; move it to nice-to-have to keep partial or paid support.");
        }
        return Optional.empty();
    }

    /** A self-hostable vendor you may run yourself sits in your region and under your attestations. */
    private static boolean runsItYourself(Answers a, Candidate c) {
        return a.hosting() != Hosting.MANAGED && c.selfHostable();
    }

    private static Optional<Eliminated> drop(Candidate c, Gate gate, String detail) {
        return Optional.of(new Eliminated(c.slug(), c.name(), gate, detail));
    }

    // ---- ranking ------------------------------------------------------------------------------------------------

    static Ranked rank(Answers a, Candidate c, @Nullable Candidate current) {
        var scores = List.of(
                score(Criterion.REASON, reasonFit(a.reason(), c, current)),
                score(Criterion.SHAPE, shapeFit(a, c)),
                score(Criterion.HOSTING, hostingFit(a, c)),
                score(Criterion.SCALE, scaleFit(a, c)),
                score(Criterion.NICE_TO_HAVE, niceToHave(a, c)),
                score(Criterion.MIGRATION, migration(a, c, current)));
        int total = scores.stream().mapToInt(Score::points).sum();
        var wanted = new LinkedHashSet<String>(REASON_CAPABILITIES.get(a.reason()));
        if (a.shape() != Choices.Shape.B2C) {
            wanted.add("organizations");
        }
        wanted.addAll(a.niceToHave());
        var lacks = wanted.stream().filter(k -> c.support(k) != Support.YES).map(k -> new Lack(k, c.support(k))).toList();
        return new Ranked(c.slug(), c.name(), total, scores, lacks);
    }

    /** A fraction of a criterion's maximum, with the facts that earned it. */
    record Fit(double fraction, String why) {}

    private static Score score(Criterion criterion, Fit fit) {
        double clamped = Math.max(0, Math.min(1, fit.fraction()));
        return new Score(criterion, (int) Math.round(criterion.max() * clamped), fit.why());
    }

    /** Adds up weighted traits and says which were met and which were not. */
    private static final class Traits {
        private double sum;
        private final List<String> has = new ArrayList<>();
        private final List<String> lacks = new ArrayList<>();

        Traits add(double weight, double earned, String trait) {
            sum += weight * earned;
            if (earned >= 1) {
                has.add(trait);
            } else if (earned > 0) {
                has.add(trait + " (in part)");
            } else {
                lacks.add(trait);
            }
            return this;
        }

        /** A trait nobody has researched: half credit, and said so. */
        Traits unknown(double weight, String trait) {
            sum += weight * 0.5;
            lacks.add(trait + " (not researched)");
            return this;
        }

        Traits support(double weight, Candidate c, String capability, String trait) {
            var support = c.support(capability);
            double earned = weight(support);
            if (support == Support.UNKNOWN) {
                lacks.add(trait + " (unknown)");
                return this;
            }
            return add(weight, earned, trait);
        }

        Fit fit() {
            var parts = new ArrayList<String>();
            if (!has.isEmpty()) {
                parts.add("Has " + String.join(", ", has));
            }
            if (!lacks.isEmpty()) {
                parts.add("lacks " + String.join(", ", lacks));
            }
            String why = String.join("; ", parts);
            return new Fit(sum, why.isEmpty() ? "" : Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
        }
    }

    static double weight(Support support) {
        return switch (support) {
            case YES -> 1;
            case PARTIAL, PAID_ADDON -> 0.5;
            case NO, UNKNOWN -> 0;
        };
    }

    static Fit reasonFit(Reason reason, Candidate c, @Nullable Candidate current) {
        var t = new Traits();
        switch (reason) {
            case PER_MAU_COST -> t.add(0.5, c.selfHostable() ? 1 : 0, "self-hosting")
                    .add(0.3, budgetPricing(c) ? 1 : 0, "budget pricing (open source, flat or per organization)")
                    .support(0.2, c, "free-tier", "a free tier");
            case B2C_PASSWORDLESS -> t.support(0.45, c, "passkeys", "passkeys")
                    .support(0.2, c, "magic-link", "magic links")
                    .support(0.2, c, "email-otp", "email codes")
                    .support(0.05, c, "sms-otp", "SMS codes")
                    .add(0.1, c.audiences().contains("B2C") || c.audiences().contains("B2B2C") ? 1 : 0, "a B2C audience");
            case B2B_SSO_SCIM -> t.support(0.3, c, "saml-sp", "SAML SSO for your customers")
                    .support(0.3, c, "scim-inbound", "SCIM provisioning")
                    .support(0.2, c, "organizations", "organizations")
                    .support(0.1, c, "per-org-sso", "SSO per organization")
                    .add(0.1, budgetPricing(c) ? 1 : 0, "budget pricing");
            case SOVEREIGNTY -> t.add(0.5, c.selfHostable() ? 1 : 0, "self-hosting")
                    .add(0.35, c.openSource() ? 1 : 0, "an open-source licence")
                    .add(0.15, c.regions().stream().anyMatch(r -> r.equals("EU") || r.equals("CH") || r.equals("ANY")) ? 1 : 0,
                            "European or own-infrastructure hosting");
            case END_OF_LIFE -> {
                String provider = current == null ? null : PROVIDERS.get(current.slug());
                t.add(0.35, provider != null && provider.equals(PROVIDERS.get(c.slug())) ? 1 : 0,
                        provider == null ? "the same provider" : "the same provider (" + provider + ")");
                t.add(0.45, (5 - c.inbound()) / 4.0, "easy arrival (inbound " + c.inbound() + "/5)");
                t.support(0.2, c, "jit-migration", "a just-in-time migration hook");
            }
            case LEAVING_SUITE -> {
                double breadth = breadth(c);
                t.add(1, breadth, "breadth: " + Math.round(100 * breadth) + "% of all capabilities");
            }
            case GREENFIELD -> {
                double breadth = breadth(c);
                t.add(0.3, c.tier() == Tier.DEVELOPER_FIRST ? 1 : 0, "a developer-first platform");
                t.support(0.2, c, "free-tier", "a free tier");
                t.add(0.5, breadth, "breadth: " + Math.round(100 * breadth) + "% of all capabilities");
            }
        }
        return t.fit();
    }

    private static boolean budgetPricing(Candidate c) {
        return c.pricingModels().contains("OPEN_SOURCE") || c.pricingModels().contains("FLAT")
                || c.pricingModels().contains("PER_ORGANIZATION");
    }

    /** The share of all capabilities the vendor supports, partial and paid add-ons counting half. */
    static double breadth(Candidate c) {
        if (c.capabilities().isEmpty()) {
            return 0;
        }
        return c.capabilities().values().stream().mapToDouble(SelectorEngine::weight).sum() / c.capabilities().size();
    }

    static Fit shapeFit(Answers a, Candidate c) {
        var audiences = c.audiences();
        boolean b2c = audiences.contains("B2C") || audiences.contains("B2B2C");
        boolean b2b = audiences.contains("B2B") || audiences.contains("B2B2C");
        double audience = switch (a.shape()) {
            case B2C -> b2c ? 1 : 0;
            case B2B -> b2b ? 1 : 0;
            case B2B2C -> audiences.contains("B2B2C") || (b2c && b2b) ? 1 : (b2c || b2b ? 0.4 : 0);
        };
        String trait = "a " + a.shape().name() + " audience" + (audiences.isEmpty() ? "" : " (serves " + String.join(", ", audiences) + ")");
        double weight = a.shape() == Choices.Shape.B2C ? 0.7 : 0.6;
        var t = new Traits();
        if (audiences.isEmpty()) {
            t.unknown(weight, trait);
        } else {
            t.add(weight, audience, trait);
        }
        switch (a.shape()) {
            case B2C -> t.support(0.3, c, "social-login", "social login");
            case B2B -> t.support(0.4, c, "organizations", "organizations");
            case B2B2C -> t.support(0.2, c, "organizations", "organizations").support(0.2, c, "social-login", "social login");
        }
        return t.fit();
    }

    static Fit hostingFit(Answers a, Candidate c) {
        return switch (a.hosting()) {
            case MANAGED -> c.deployment() == io.ciamportal.vendor.VendorEnums.Deployment.MANAGED
                    ? new Fit(1, "A managed service.")
                    : new Fit(0.9, "Offers a managed service besides self-hosting.");
            case SELF_HOSTED -> new Fit(1, c.managedOffering() ? "Self-hostable, with a managed option." : "Self-hosted.");
            case EITHER -> c.deployment() == io.ciamportal.vendor.VendorEnums.Deployment.BOTH
                    ? new Fit(1, "Managed or self-hosted: you can change your mind later.")
                    : new Fit(0.7, c.selfHostable() ? "Self-hosted only." : "Managed only.");
        };
    }

    static Fit scaleFit(Answers a, Candidate c) {
        double priceWeight = switch (a.priceSensitivity()) {
            case LOW -> 0.3;
            case MEDIUM -> 0.5;
            case HIGH -> 0.8;
        };
        double price;
        String priceWhy;
        var models = c.pricingModels();
        if (models.contains("OPEN_SOURCE") || (c.selfHostable() && a.hosting() != Hosting.MANAGED)) {
            price = 1;
            priceWhy = "no per-user fee when you run it";
        } else if (models.isEmpty()) {
            price = 0.4;
            priceWhy = "pricing not researched";
        } else {
            price = 0;
            priceWhy = "priced " + String.join(", ", models.stream().map(m -> m.toLowerCase(Locale.ROOT).replace('_', '-')).toList());
            for (String model : models) {
                price = Math.max(price, switch (model) {
                    case "FLAT", "PER_ORGANIZATION" -> 0.8;
                    case "QUOTE" -> 0.5;
                    case "PER_MAU" -> switch (a.mauBand()) {
                        case UNDER_10K -> 0.9;
                        case FROM_10K_TO_100K -> 0.6;
                        case FROM_100K_TO_1M -> 0.3;
                        case OVER_1M -> 0.1;
                    };
                    // metered cloud pricing (per MAU or request at cloud rates): grows with size, more slowly
                    case "USAGE" -> switch (a.mauBand()) {
                        case UNDER_10K -> 0.9;
                        case FROM_10K_TO_100K -> 0.7;
                        case FROM_100K_TO_1M -> 0.5;
                        case OVER_1M -> 0.3;
                    };
                    default -> 0.4;
                });
            }
        }
        double capacity;
        String capacityWhy;
        if (a.mauBand() == Choices.MauBand.UNDER_10K) {
            capacity = 1;
            capacityWhy = "any platform carries this size";
        } else if (!c.managedOffering()) {
            capacity = 0.7;
            capacityWhy = "you operate it at this scale yourself";
        } else if (c.tier() == Tier.HERITAGE_SUITE) {
            capacity = 1;
            capacityWhy = "a heritage suite run at large scale";
        } else {
            capacity = 0.8;
            capacityWhy = "a managed developer-first service";
        }
        double fraction = priceWeight * price + (1 - priceWeight) * capacity;
        return new Fit(fraction, capitalise(priceWhy) + "; " + capacityWhy + ".");
    }

    static Fit niceToHave(Answers a, Candidate c) {
        if (a.niceToHave().isEmpty()) {
            return new Fit(0, "No nice-to-haves chosen.");
        }
        var t = new Traits();
        double share = 1.0 / a.niceToHave().size();
        a.niceToHave().forEach(k -> t.support(share, c, k, k));
        return t.fit();
    }

    static Fit migration(Answers a, Candidate c, @Nullable Candidate current) {
        double arrival = (5 - c.inbound()) / 4.0;
        String arrivalWhy = "inbound difficulty " + c.inbound() + "/5";
        if (current == null) {
            return a.reason() == Reason.GREENFIELD
                    ? new Fit(1, "Nothing to migrate.")
                    : new Fit(arrival, capitalise(arrivalWhy) + "; no current platform in the index to check hashes against.");
        }
        var policy = current.hashExportPolicy();
        boolean exports = policy == HashExportPolicy.SELF_SERVE || policy == HashExportPolicy.SUPPORT_TICKET
                || policy == HashExportPolicy.PAID_TIER;
        String scheme = current.hashExportScheme();
        double hashes;
        String hashWhy;
        if (exports && scheme != null && c.hashImportSchemes().contains(scheme)) {
            hashes = 1;
            hashWhy = current.name() + "'s " + scheme + " hashes can be imported";
        } else {
            String cannot = !exports ? current.name() + " does not export hashes"
                    : scheme == null ? "the scheme of " + current.name() + "'s hashes is unknown"
                    : "does not import " + current.name() + "'s " + scheme + " hashes";
            hashes = switch (c.support("jit-migration")) {
                case YES -> 0.6;
                case PARTIAL, PAID_ADDON -> 0.3;
                case NO, UNKNOWN -> 0;
            };
            hashWhy = cannot + (hashes > 0 ? ", but a just-in-time hook moves users at sign-in" : ", and no just-in-time hook is known: password resets");
        }
        return new Fit(0.6 * arrival + 0.4 * hashes, capitalise(arrivalWhy) + "; " + hashWhy + ".");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
