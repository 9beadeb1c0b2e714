package io.ciamportal.vendor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeSummaryTest {

    @Test
    void namesTheSubjectAndEachChangedField() {
        String before = "{\"capability\":\"webhooks\",\"confirmed\":false,\"note\":\"Not covered\",\"sources\":[],\"support\":\"unknown\"}";
        String after = "{\"capability\":\"webhooks\",\"confirmed\":true,\"note\":\"Documented\",\"sources\":[\"https://x.example/a\"],\"support\":\"yes\"}";
        assertThat(ChangeSummary.of(before, after)).isEqualTo(
                "webhooks: confirmed: false → true; note changed: \u201cDocumented\u201d; sources: 0 → 1 (https://x.example/a); support: unknown → yes");
    }

    @Test
    void saysSoWhenNothingVisibleChanged() {
        assertThat(ChangeSummary.of("{\"a\":1}", "{\"a\":1}")).isEqualTo("no visible change");
    }
}
