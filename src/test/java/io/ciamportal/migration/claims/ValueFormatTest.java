package io.ciamportal.migration.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Value formats told from the shape of made-up values. */
class ValueFormatTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = " => ", value = {
            "auth0|64f1c0ffee0123456789abcd => auth0-id",
            "google-oauth2|1234567890 => provider|id",
            "samlp|acme|ada@example.com => provider|id",
            "0b9a4c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c => uuid",
            "user_2abcdefghijK => prefixed-id",
            "64f1c0ffee0123456789abcd => hex-id",
            "ada@example.com => email",
            "https://example.com/x => url",
            "urn:zitadel:iam:org:id => urn",
            "+4915112345678 => e164-phone",
            "12345 => numeric-string",
            "2026-01-02T03:04:05Z => iso-datetime",
            "2026-01-02 => iso-datetime",
            "true => boolean-string",
            "Xk9fQ2mPz4r8Tn1bWc7y0dLe => opaque",
            "Ada Lovelace => opaque"})
    void strings(String value, String format) {
        assertThat(ValueFormat.ofText(value).label()).isEqualTo(format);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1767225600, epoch-seconds", "1767225600000, epoch-millis", "42, integer", "0.5, decimal", "3600, integer"})
    void numbers(String value, String format) {
        var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(value);
        assertThat(ValueFormat.of(node).label()).isEqualTo(format);
    }
}
