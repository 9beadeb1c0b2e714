package io.ciamportal.selector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.selector.Choices.Hosting;
import io.ciamportal.selector.Choices.MauBand;
import io.ciamportal.selector.Choices.PriceSensitivity;
import io.ciamportal.selector.Choices.Reason;
import io.ciamportal.selector.Choices.Shape;
import io.ciamportal.selector.Outcome.Criterion;
import io.ciamportal.selector.Outcome.Gate;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The selector engine's rules on made-up vendors: a small field where each gate decides, and pairs where one fact
 * decides. Scenarios on the real dataset, stated plainly and updated with the data, are in {@link SelectorScenariosTest}.
 */
class SelectorEngineTest {

    // ---- a small builder for made-up vendors --------------------------------------------------------------------

    static final class V {
        String slug;
        String name;
        Deployment deployment = Deployment.MANAGED;
        boolean openSource;
        Tier tier = Tier.DEVELOPER_FIRST;
        LifecycleStatus lifecycle = LifecycleStatus.ACTIVE;
        LocalDate endOfSale;
        List<String> pricing = List.of("PER_MAU");
        List<String> audiences = List.of("B2C", "B2B");
        List<String> regions = List.of("US", "EU");
        List<String> attestations = List.of("SOC2");
        Map<String, Support> capabilities = new HashMap<>();
        int inbound = 2;
        HashExportPolicy export = HashExportPolicy.SELF_SERVE;
        String scheme = "bcrypt";
        Set<String> imports = Set.of("bcrypt");

        V(String slug) {
            this.slug = slug;
            this.name = Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
        }

        V with(String capability, Support support) {
            capabilities.put(capability, support);
            return this;
        }

        Candidate build() {
            return new Candidate(slug, name, deployment, openSource, tier, lifecycle, endOfSale, null, pricing, audiences, regions,
                    attestations, Map.copyOf(capabilities), inbound, export, scheme, imports);
        }
    }

    static V v(String slug) {
        return new V(slug);
    }

    static Answers answers(Reason reason, Shape shape, Hosting hosting, boolean oss, List<String> must, List<String> nice) {
        return new Answers(null, reason, shape, hosting, oss, List.of(), List.of(), MauBand.FROM_10K_TO_100K, PriceSensitivity.MEDIUM,
                must, nice);
    }

    static Answers simple(Reason reason) {
        return answers(reason, Shape.B2C, Hosting.EITHER, false, List.of(), List.of());
    }

    static Answers from(String current, Reason reason) {
        var d = Answers.defaults();
        return new Answers(current, reason, d.shape(), d.hosting(), false, List.of(), List.of(), d.mauBand(), d.priceSensitivity(),
                List.of(), List.of());
    }

    static List<String> slugs(List<Outcome.Eliminated> eliminated, Gate gate) {
        return eliminated.stream().filter(e -> e.gate() == gate).map(Outcome.Eliminated::slug).toList();
    }

    // ---- gates on a small made-up field -------------------------------------------------------------------------

    /**
     * A field of made-up vendors, one per situation a gate decides: managed only, self-hosted open source, both,
     * self-hosted but closed, end of sale, and the slugs of Microsoft's two platforms (the engine knows their provider).
     */
    static List<Candidate> field() {
        var cloudy = v("cloudy").with("scim-inbound", Support.YES);
        cloudy.regions = List.of("US", "EU", "JP");
        var selfy = v("selfy").with("scim-inbound", Support.NO);
        selfy.deployment = Deployment.SELF_HOSTED;
        selfy.openSource = true;
        selfy.regions = List.of("ANY");
        selfy.pricing = List.of("OPEN_SOURCE");
        var hybrid = v("hybrid").with("scim-inbound", Support.UNKNOWN);
        hybrid.deployment = Deployment.BOTH;
        hybrid.openSource = true;
        hybrid.regions = List.of("EU", "ANY");
        var closed = v("closed").with("scim-inbound", Support.PAID_ADDON);
        closed.deployment = Deployment.SELF_HOSTED;
        closed.regions = List.of("ANY");
        var unresearched = v("unresearched");
        unresearched.regions = List.of();
        var b2c = v("azure-ad-b2c");
        b2c.lifecycle = LifecycleStatus.END_OF_SALE;
        b2c.endOfSale = LocalDate.of(2025, 5, 1);
        var entra = v("entra-external-id");
        return List.of(cloudy.build(), selfy.build(), hybrid.build(), closed.build(), unresearched.build(), b2c.build(), entra.build());
    }

    static Outcome run(Answers answers) {
        return SelectorEngine.run(answers, field());
    }

    @Nested
    class GatesOnAMadeUpField {

        @Test
        void selfHostedWithAnOpenSourceLicenceDropsManagedOnlyAndClosedVendors() {
            var outcome = run(answers(Reason.SOVEREIGNTY, Shape.B2B, Hosting.SELF_HOSTED, true, List.of(), List.of()));
            assertThat(slugs(outcome.eliminated(), Gate.HOSTING)).containsExactlyInAnyOrder("cloudy", "unresearched", "entra-external-id");
            // self-hostable but not open source: dropped by the licence gate, not the hosting gate
            assertThat(slugs(outcome.eliminated(), Gate.OPEN_SOURCE)).containsExactly("closed");
            assertThat(outcome.rankedSlugs()).containsExactlyInAnyOrder("selfy", "hybrid");
        }

        @Test
        void aMustHaveRanksOnlyPlainYesAndListsUnknownsApart() {
            var outcome = run(answers(Reason.B2B_SSO_SCIM, Shape.B2B, Hosting.EITHER, false, List.of("scim-inbound"), List.of()));
            assertThat(outcome.rankedSlugs()).containsExactly("cloudy");
            assertThat(outcome.verify()).extracting(Outcome.Verify::slug).contains("hybrid", "unresearched", "entra-external-id");
            assertThat(outcome.verify()).allSatisfy(v -> assertThat(v.unknown()).contains("scim-inbound"));
            var mustHaveDrops = outcome.eliminated().stream().filter(e -> e.gate() == Gate.MUST_HAVE).toList();
            assertThat(mustHaveDrops).extracting(Outcome.Eliminated::slug).containsExactlyInAnyOrder("selfy", "closed");
            assertThat(mustHaveDrops).filteredOn(e -> e.slug().equals("closed")).singleElement()
                    .extracting(Outcome.Eliminated::detail).asString().contains("scim-inbound (paid add-on)");
            // every vendor is accounted for exactly once
            assertThat(outcome.ranked().size() + outcome.verify().size() + outcome.eliminated().size()).isEqualTo(field().size());
        }

        @Test
        void leavingAPlatformNeverRecommendsIt() {
            var outcome = run(from("cloudy", Reason.LEAVING_SUITE));
            assertThat(outcome.rankedSlugs()).doesNotContain("cloudy");
            assertThat(outcome.verify()).extracting(Outcome.Verify::slug).doesNotContain("cloudy");
            assertThat(slugs(outcome.eliminated(), Gate.CURRENT_PLATFORM)).containsExactly("cloudy");
        }

        @Test
        void anEndOfSaleVendorIsNeverRecommendedAndTheDropSaysSince() {
            var outcome = run(simple(Reason.GREENFIELD));
            assertThat(outcome.eliminated()).filteredOn(e -> e.slug().equals("azure-ad-b2c")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.gate()).isEqualTo(Gate.LIFECYCLE);
                        assertThat(e.detail()).contains("2025-05-01");
                    });
        }

        @Test
        void aManagedServiceDropsSelfHostedOnlyVendors() {
            var outcome = run(answers(Reason.GREENFIELD, Shape.B2C, Hosting.MANAGED, false, List.of(), List.of()));
            assertThat(slugs(outcome.eliminated(), Gate.HOSTING)).containsExactlyInAnyOrder("selfy", "closed");
            assertThat(outcome.rankedSlugs()).contains("hybrid", "cloudy");
        }

        @Test
        void residencyDropsVendorsHostingElsewhereAndAsksAboutUnresearchedRegions() {
            var d = Answers.defaults();
            var outcome = run(new Answers(null, Reason.GREENFIELD, Shape.B2C, Hosting.MANAGED, false, List.of("JP"), List.of(),
                    d.mauBand(), d.priceSensitivity(), List.of(), List.of()));
            assertThat(outcome.eliminated()).filteredOn(e -> e.slug().equals("entra-external-id")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.gate()).isEqualTo(Gate.RESIDENCY);
                        assertThat(e.detail()).contains("not in JP");
                    });
            assertThat(outcome.rankedSlugs()).contains("cloudy");
            assertThat(outcome.verify()).filteredOn(v -> v.slug().equals("unresearched")).singleElement()
                    .extracting(Outcome.Verify::unknown).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsExactly("residency:JP");
        }

        @Test
        void escapingPerMauCostAtOverAMillionRanksSelfHostableVendorsUp() {
            var answers = new Answers(null, Reason.PER_MAU_COST, Shape.B2C, Hosting.EITHER, false, List.of(), List.of(),
                    MauBand.OVER_1M, PriceSensitivity.HIGH, List.of(), List.of());
            var ranked = run(answers).ranked();
            assertThat(ranked.subList(0, 2)).extracting(Outcome.Ranked::slug).containsExactlyInAnyOrder("selfy", "hybrid");
            // the same run at a small size and low price sensitivity gives a per-MAU vendor more scale points
            var small = new Answers(null, Reason.PER_MAU_COST, Shape.B2C, Hosting.EITHER, false, List.of(), List.of(),
                    MauBand.UNDER_10K, PriceSensitivity.LOW, List.of(), List.of());
            int big = find(run(answers), "cloudy").score(Criterion.SCALE).points();
            int little = find(run(small), "cloudy").score(Criterion.SCALE).points();
            assertThat(little).isGreaterThan(big);
        }

        @Test
        void forcedOffAzureAdB2cGivesMicrosoftsSuccessorTheSameProviderPoints() {
            var fromB2c = run(from("azure-ad-b2c", Reason.END_OF_LIFE));
            var fromCloudy = run(from("cloudy", Reason.END_OF_LIFE));
            var entraAfterB2c = find(fromB2c, "entra-external-id").score(Criterion.REASON);
            var entraAfterCloudy = find(fromCloudy, "entra-external-id").score(Criterion.REASON);
            assertThat(entraAfterB2c.points()).isEqualTo(entraAfterCloudy.points() + 11);
            assertThat(entraAfterB2c.why()).startsWith("Has the same provider (Microsoft)");
        }

        @ParameterizedTest
        @EnumSource(Reason.class)
        void pointsStayWithinEachCriterionAndAddUpToTheTotal(Reason reason) {
            var answers = reason == Reason.GREENFIELD ? simple(reason) : from("cloudy", reason);
            var outcome = run(answers);
            assertThat(outcome.ranked()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.points()).hasSize(Criterion.values().length)
                        .allSatisfy(s -> assertThat(s.points()).isBetween(0, s.max()));
                assertThat(r.total()).isEqualTo(r.points().stream().mapToInt(Outcome.Score::points).sum()).isBetween(0, 100);
                assertThat(r.points()).allSatisfy(s -> assertThat(s.why()).isNotBlank());
            });
            for (int i = 1; i < outcome.ranked().size(); i++) {
                assertThat(outcome.ranked().get(i - 1).total()).isGreaterThanOrEqualTo(outcome.ranked().get(i).total());
            }
        }
    }

    static Outcome.Ranked find(Outcome outcome, String slug) {
        return outcome.ranked().stream().filter(r -> r.slug().equals(slug)).findFirst().orElseThrow(() -> new AssertionError(slug + " not ranked"));
    }

    // ---- one fact decides: made-up vendors ----------------------------------------------------------------------

    @Nested
    class OneFactDecides {

        @Test
        void aMustHavePaidAddOnDropsTheVendorAndSaysHowToKeepIt() {
            var outcome = SelectorEngine.run(answers(Reason.B2B_SSO_SCIM, Shape.B2B, Hosting.EITHER, false, List.of("saml-sp"), List.of()),
                    List.of(v("alpha").with("saml-sp", Support.YES).build(), v("beta").with("saml-sp", Support.PAID_ADDON).build()));
            assertThat(outcome.rankedSlugs()).containsExactly("alpha");
            assertThat(outcome.eliminated()).singleElement().satisfies(e -> {
                assertThat(e.gate()).isEqualTo(Gate.MUST_HAVE);
                assertThat(e.detail()).contains("saml-sp (paid add-on)").contains("nice-to-have");
            });
        }

        @Test
        void aHardFailureWinsOverAnUnknown() {
            var c = v("alpha").with("passkeys", Support.UNKNOWN);
            c.deployment = Deployment.SELF_HOSTED;
            var outcome = SelectorEngine.run(answers(Reason.GREENFIELD, Shape.B2C, Hosting.MANAGED, false, List.of("passkeys"), List.of()),
                    List.of(c.build()));
            assertThat(outcome.verify()).isEmpty();
            assertThat(outcome.eliminated()).singleElement().extracting(Outcome.Eliminated::gate).isEqualTo(Gate.HOSTING);
        }

        @Test
        void everyUnknownIsNamedOnTheVerifyList() {
            var c = v("alpha").with("passkeys", Support.UNKNOWN).with("scim-inbound", Support.UNKNOWN).with("saml-sp", Support.YES);
            c.attestations = List.of();
            var d = Answers.defaults();
            var answers = new Answers(null, Reason.GREENFIELD, Shape.B2C, Hosting.MANAGED, false, List.of(), List.of("HIPAA"),
                    d.mauBand(), d.priceSensitivity(), List.of("passkeys", "saml-sp", "scim-inbound"), List.of());
            var outcome = SelectorEngine.run(answers, List.of(c.build()));
            assertThat(outcome.ranked()).isEmpty();
            assertThat(outcome.verify()).singleElement().extracting(Outcome.Verify::unknown)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsExactly("attestation:HIPAA", "passkeys", "scim-inbound");
        }

        @Test
        void aMissingAttestationDropsAManagedVendorButNotOneYouRunYourself() {
            var managed = v("alpha");
            managed.attestations = List.of("SOC2", "ISO27001");
            var selfHosted = v("beta");
            selfHosted.deployment = Deployment.SELF_HOSTED;
            selfHosted.attestations = List.of();
            var d = Answers.defaults();
            var answers = new Answers(null, Reason.GREENFIELD, Shape.B2C, Hosting.EITHER, false, List.of(), List.of("HIPAA"),
                    d.mauBand(), d.priceSensitivity(), List.of(), List.of());
            var outcome = SelectorEngine.run(answers, List.of(managed.build(), selfHosted.build()));
            assertThat(outcome.rankedSlugs()).containsExactly("beta");
            assertThat(outcome.eliminated()).singleElement().satisfies(e -> {
                assertThat(e.gate()).isEqualTo(Gate.ATTESTATIONS);
                assertThat(e.detail()).isEqualTo("Publishes SOC2, ISO27001; not HIPAA.");
            });
        }

        @Test
        void tiesBreakByName() {
            var outcome = SelectorEngine.run(simple(Reason.GREENFIELD), List.of(v("zeta").build(), v("beta").build(), v("alpha").build()));
            assertThat(outcome.ranked()).extracting(Outcome.Ranked::total).containsOnly(outcome.ranked().getFirst().total());
            assertThat(outcome.rankedSlugs()).containsExactly("alpha", "beta", "zeta");
        }

        @Test
        void budgetB2bSsoAndScimRanksTheVendorWithAllFourFirstAndNamesWhatTheOtherLacks() {
            var full = v("zulu").with("saml-sp", Support.YES).with("scim-inbound", Support.YES).with("organizations", Support.YES)
                    .with("per-org-sso", Support.YES);
            full.pricing = List.of("PER_ORGANIZATION");
            var bare = v("alpha").with("saml-sp", Support.NO).with("organizations", Support.PARTIAL);
            var outcome = SelectorEngine.run(answers(Reason.B2B_SSO_SCIM, Shape.B2B, Hosting.EITHER, false, List.of(), List.of()),
                    List.of(bare.build(), full.build()));
            assertThat(outcome.rankedSlugs()).containsExactly("zulu", "alpha");
            assertThat(find(outcome, "zulu").lacks()).isEmpty();
            assertThat(find(outcome, "alpha").lacks()).containsExactly(new Outcome.Lack("saml-sp", Support.NO),
                    new Outcome.Lack("scim-inbound", Support.UNKNOWN), new Outcome.Lack("organizations", Support.PARTIAL),
                    new Outcome.Lack("per-org-sso", Support.UNKNOWN));
            assertThat(find(outcome, "zulu").score(Criterion.REASON).points()).isEqualTo(30);
        }

        @Test
        void b2cPasswordlessFavoursPasskeys() {
            var outcome = SelectorEngine.run(simple(Reason.B2C_PASSWORDLESS), List.of(
                    v("alpha").with("passkeys", Support.NO).with("magic-link", Support.YES).build(),
                    v("beta").with("passkeys", Support.YES).with("magic-link", Support.YES).build()));
            assertThat(outcome.rankedSlugs()).containsExactly("beta", "alpha");
            assertThat(find(outcome, "beta").score(Criterion.REASON).points() - find(outcome, "alpha").score(Criterion.REASON).points())
                    .isEqualTo(14);
        }

        @Test
        void hashPortabilityFromTheCurrentPlatformDecidesTheMigrationPoints() {
            var source = v("firebase");
            source.scheme = "firebase-scrypt";
            var imports = v("alpha");
            imports.imports = Set.of("bcrypt", "firebase-scrypt");
            var jitOnly = v("beta").with("jit-migration", Support.YES);
            var neither = v("gamma").with("jit-migration", Support.NO);
            var outcome = SelectorEngine.run(from("firebase", Reason.PER_MAU_COST),
                    List.of(source.build(), imports.build(), jitOnly.build(), neither.build()));
            int a = find(outcome, "alpha").score(Criterion.MIGRATION).points();
            int b = find(outcome, "beta").score(Criterion.MIGRATION).points();
            int g = find(outcome, "gamma").score(Criterion.MIGRATION).points();
            assertThat(a).isGreaterThan(b);
            assertThat(b).isGreaterThan(g);
            assertThat(find(outcome, "alpha").score(Criterion.MIGRATION).why()).contains("firebase-scrypt hashes can be imported");
            assertThat(find(outcome, "gamma").score(Criterion.MIGRATION).why()).contains("password resets");
        }

        @Test
        void aSourceThatNeverExportsHashesLeavesOnlyJustInTime() {
            var source = v("cognito");
            source.export = HashExportPolicy.NONE;
            source.scheme = null;
            var outcome = SelectorEngine.run(from("cognito", Reason.PER_MAU_COST),
                    List.of(source.build(), v("alpha").with("jit-migration", Support.YES).build()));
            assertThat(find(outcome, "alpha").score(Criterion.MIGRATION).why()).contains("Cognito does not export hashes")
                    .contains("just-in-time hook");
        }

        @Test
        void greenfieldHasNothingToMigrate() {
            var hard = v("alpha");
            hard.inbound = 5;
            var outcome = SelectorEngine.run(simple(Reason.GREENFIELD), List.of(hard.build(), v("beta").build()));
            assertThat(outcome.ranked()).allSatisfy(r -> assertThat(r.score(Criterion.MIGRATION).points()).isEqualTo(15));
        }

        @Test
        void niceToHavesScoreCoverageAndShowUpAsLacks() {
            var outcome = SelectorEngine.run(answers(Reason.GREENFIELD, Shape.B2C, Hosting.EITHER, false, List.of(), List.of("totp-import", "webhooks")),
                    List.of(v("alpha").with("totp-import", Support.YES).with("webhooks", Support.YES).build(),
                            v("beta").with("totp-import", Support.PARTIAL).build()));
            assertThat(find(outcome, "alpha").score(Criterion.NICE_TO_HAVE).points()).isEqualTo(15);
            assertThat(find(outcome, "beta").score(Criterion.NICE_TO_HAVE).points()).isEqualTo(4);
            assertThat(find(outcome, "beta").lacks()).containsExactly(new Outcome.Lack("free-tier", Support.UNKNOWN),
                    new Outcome.Lack("totp-import", Support.PARTIAL), new Outcome.Lack("webhooks", Support.UNKNOWN));
        }

        @Test
        void aB2cShapeDoesNotFavourAVendorThatServesOnlyBusinesses() {
            var b2bOnly = v("alpha");
            b2bOnly.audiences = List.of("B2B");
            var outcome = SelectorEngine.run(simple(Reason.GREENFIELD), List.of(b2bOnly.build(), v("beta").build()));
            assertThat(find(outcome, "beta").score(Criterion.SHAPE).points()).isGreaterThan(find(outcome, "alpha").score(Criterion.SHAPE).points());
            assertThat(find(outcome, "alpha").score(Criterion.SHAPE).why()).isEqualTo("Lacks a B2C audience (serves B2B), social login (unknown).");
        }
    }

    // ---- determinism --------------------------------------------------------------------------------------------

    @Test
    void theSameAnswersAlwaysGiveTheSameOutcomeWhateverTheOrderOfVendors() {
        var answers = new Answers("cloudy", Reason.B2B_SSO_SCIM, Shape.B2B2C, Hosting.EITHER, false, List.of("EU"), List.of("SOC2"),
                MauBand.FROM_100K_TO_1M, PriceSensitivity.HIGH, List.of("organizations"), List.of("passkeys", "scim-inbound"));
        var first = run(answers);
        var random = new Random(42);
        for (int i = 0; i < 20; i++) {
            var shuffled = new ArrayList<>(field());
            Collections.shuffle(shuffled, random);
            assertThat(SelectorEngine.run(answers, shuffled)).isEqualTo(first);
        }
    }
}
