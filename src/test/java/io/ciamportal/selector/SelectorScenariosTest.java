package io.ciamportal.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden scenarios: the selector on the committed dataset (db/dataset), asked what identity teams ask. Each must rank
 * at least five vendors, send at most a handful to "verify with the vendor", and give the same order for the same
 * answers. The expected leaders are stated plainly; when a dataset release changes them, update them here on purpose,
 * with the release.
 */
class SelectorScenariosTest {

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("leaving Auth0 for B2C passwordless: managed, SOC 2, must have passkeys and social login",
                        "from=auth0&reason=b2c-passwordless&shape=b2c&hosting=managed&attestation=SOC2&must=passkeys&must=social-login",
                        List.of("okta", "logto", "zitadel")),
                Arguments.of("leaving Cognito for cost, social login a must",
                        "from=cognito&reason=per-mau-cost&shape=b2c&hosting=either&mau=from-100k-to-1m&price=high&must=social-login",
                        List.of("ory", "logto", "supertokens")),
                Arguments.of("escaping per-MAU cost at over a million users",
                        "from=auth0&reason=per-mau-cost&shape=b2c&hosting=either&mau=over-1m&price=high&must=password",
                        List.of("ory", "logto", "supertokens")),
                Arguments.of("budget B2B SaaS with enterprise SSO and SCIM",
                        "reason=b2b-sso-scim&shape=b2b&hosting=either&mau=from-10k-to-100k&price=high&must=saml-sp&must=scim-inbound"
                                + "&must=organizations&nice=per-org-sso",
                        List.of("ory", "zitadel", "better-auth")),
                Arguments.of("sovereignty: self-hosted, open source, EU",
                        "reason=sovereignty&shape=b2b2c&hosting=self-hosted&oss=true&must=oidc-provider&must=saml-sp&nice=passkeys",
                        List.of("ory", "logto", "zitadel")),
                Arguments.of("forced off Azure AD B2C, managed, EU residency",
                        "from=azure-ad-b2c&reason=end-of-life&shape=b2c&hosting=managed&region=EU&must=social-login&must=custom-domains",
                        List.of("auth0", "logto", "kinde")));
    }

    static final int MAX_VERIFY = 5;

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aRealQuestionGetsARealShortlist(String scenario, String query, List<String> leaders) {
        var answers = Answers.fromQueryString(query);
        var outcome = SelectorEngine.run(answers, RealDataset.candidates());

        assertThat(outcome.ranked()).as("ranked").hasSizeGreaterThanOrEqualTo(5);
        assertThat(outcome.verify()).as("verify with the vendor").hasSizeLessThanOrEqualTo(MAX_VERIFY);
        assertThat(outcome.rankedSlugs().subList(0, leaders.size())).as("the leaders of this release").isEqualTo(leaders);
        // the same answers always give the same ranking, whatever order the vendors come in
        var random = new Random(7);
        for (int i = 0; i < 5; i++) {
            var shuffled = new ArrayList<>(RealDataset.candidates());
            Collections.shuffle(shuffled, random);
            assertThat(SelectorEngine.run(answers, shuffled).rankedSlugs()).isEqualTo(outcome.rankedSlugs());
        }
    }
}
