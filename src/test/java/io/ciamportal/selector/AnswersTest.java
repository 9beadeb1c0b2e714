package io.ciamportal.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.selector.Choices.Hosting;
import io.ciamportal.selector.Choices.MauBand;
import io.ciamportal.selector.Choices.PriceSensitivity;
import io.ciamportal.selector.Choices.Reason;
import io.ciamportal.selector.Choices.Shape;
import io.ciamportal.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers round-trip through the URL, take defaults for what is missing, and refuse contradictions by field. */
class AnswersTest {

    @Test
    void answersRoundTripThroughTheQueryString() {
        var answers = new Answers("auth0", Reason.PER_MAU_COST, Shape.B2B2C, Hosting.SELF_HOSTED, true, List.of("EU", "CH"),
                List.of("SOC2"), MauBand.OVER_1M, PriceSensitivity.HIGH, List.of("scim-inbound", "passkeys"), List.of("totp-import"));
        String query = answers.toQueryString();
        assertThat(query).isEqualTo("from=auth0&reason=per-mau-cost&shape=b2b2c&hosting=self-hosted&oss=true&region=CH&region=EU"
                + "&attestation=SOC2&mau=over-1m&price=high&must=passkeys&must=scim-inbound&nice=totp-import");
        assertThat(Answers.fromQueryString(query)).isEqualTo(answers);
    }

    @Test
    void missingParametersTakeTheirDefaults() {
        assertThat(Answers.fromQueryString("")).isEqualTo(Answers.defaults());
        assertThat(Answers.fromQuery(Map.of("reason", List.of("SOVEREIGNTY"))).reason()).isEqualTo(Reason.SOVEREIGNTY);
    }

    @Test
    void anUnknownChoiceNamesTheParameterAndTheAllowedValues() {
        assertThatThrownBy(() -> Answers.fromQueryString("reason=cheaper"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.getMessage()).contains("cheaper").contains("PER_MAU_COST");
                });
    }

    @Test
    void aCapabilityCannotBeBothMustHaveAndNiceToHave() {
        assertThatThrownBy(() -> Answers.fromQueryString("must=passkeys&nice=passkeys"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("niceToHave"));
    }

    @Test
    void greenfieldHasNoCurrentPlatform() {
        assertThatThrownBy(() -> Answers.fromQueryString("from=auth0&reason=greenfield"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void listsAreSortedAndDeduplicatedSoEqualAnswersAreEqual() {
        var a = Answers.fromQueryString("must=saml-sp&must=passkeys&must=saml-sp");
        assertThat(a.mustHave()).containsExactly("passkeys", "saml-sp");
        assertThat(a).isEqualTo(Answers.fromQueryString("must=passkeys&must=saml-sp"));
    }
}
