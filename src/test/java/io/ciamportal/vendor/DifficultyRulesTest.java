package io.ciamportal.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The difficulty rules as a table: facts in, score and breakdown out. */
class DifficultyRulesTest {

    private static DifficultyRules.Inputs inputs(HashExportPolicy policy, String scheme, Set<String> imports,
            Map<String, Support> capabilities, LifecycleStatus lifecycle, boolean openSource) {
        return new DifficultyRules.Inputs(policy, scheme, imports, capabilities, lifecycle, openSource);
    }

    private static Map<String, Support> all(Support support) {
        var map = new HashMap<String, Support>();
        for (String key : List.of("totp-export", "bulk-export", "actions-hooks", "hash-import", "jit-migration", "bulk-import",
                "totp-import", "passkey-import", "organizations")) {
            map.put(key, support);
        }
        return map;
    }

    static List<Arguments> outbound() {
        var everything = all(Support.YES);
        everything.put("actions-hooks", Support.NO);
        var hooks = all(Support.YES);
        return List.of(
                Arguments.of("self-serve bcrypt, exports all, no hooks", inputs(HashExportPolicy.SELF_SERVE, "bcrypt", Set.of(), everything, LifecycleStatus.ACTIVE, true), 1),
                Arguments.of("support ticket bcrypt, proprietary hooks (Auth0-like)", inputs(HashExportPolicy.SUPPORT_TICKET, "bcrypt", Set.of(), hooks, LifecycleStatus.ACTIVE, false), 3),
                Arguments.of("no hash export, no TOTP or bulk export", inputs(HashExportPolicy.NONE, null, Set.of(), all(Support.NO), LifecycleStatus.ACTIVE, false), 5),
                Arguments.of("everything unknown", inputs(HashExportPolicy.UNKNOWN, null, Set.of(), Map.of(), LifecycleStatus.ACTIVE, false), 4),
                Arguments.of("self-serve firebase-scrypt", inputs(HashExportPolicy.SELF_SERVE, "firebase-scrypt", Set.of(), everything, LifecycleStatus.ACTIVE, false), 2),
                Arguments.of("end of sale adds a deadline", inputs(HashExportPolicy.NONE, null, Set.of(), everything, LifecycleStatus.END_OF_SALE, false), 4));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("outbound")
    void outboundScores(String name, DifficultyRules.Inputs in, int expected) {
        var d = DifficultyRules.outbound(in, null, null);
        assertThat(d.score()).isEqualTo(expected);
        assertThat(d.computed()).isEqualTo(expected);
        assertThat(d.breakdown()).isNotEmpty();
    }

    static List<Arguments> inbound() {
        return List.of(
                Arguments.of("imports bcrypt, hook, bulk, TOTP, passkeys, orgs", inputs(HashExportPolicy.NONE, null, Set.of("bcrypt", "argon2id"), all(Support.YES), LifecycleStatus.ACTIVE, false), 1),
                Arguments.of("no hash import, a JIT hook and nothing else", inputs(HashExportPolicy.NONE, null, Set.of(), withHashImport(Support.NO, Support.YES), LifecycleStatus.ACTIVE, false), 5),
                Arguments.of("only pbkdf2 import, rest yes (Keycloak-like)", inputs(HashExportPolicy.SELF_SERVE, "pbkdf2-sha256", Set.of("pbkdf2-sha256"), all(Support.YES), LifecycleStatus.ACTIVE, true), 2),
                Arguments.of("everything unknown", inputs(HashExportPolicy.UNKNOWN, null, Set.of(), Map.of(), LifecycleStatus.ACTIVE, false), 4),
                Arguments.of("end of sale: nobody can arrive", inputs(HashExportPolicy.NONE, null, Set.of("bcrypt"), all(Support.YES), LifecycleStatus.END_OF_SALE, false), 5));
    }

    private static Map<String, Support> withHashImport(Support hashImport, Support jit) {
        var map = all(Support.NO);
        map.put("hash-import", hashImport);
        map.put("jit-migration", jit);
        return map;
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("inbound")
    void inboundScores(String name, DifficultyRules.Inputs in, int expected) {
        assertThat(DifficultyRules.inbound(in, null, null).score()).isEqualTo(expected);
    }

    @Test
    void theBreakdownNamesEachFactAndAddsUpToTheScore() {
        var d = DifficultyRules.outbound(inputs(HashExportPolicy.SUPPORT_TICKET, "bcrypt", Set.of(), all(Support.YES),
                LifecycleStatus.ACTIVE, false), null, null);
        assertThat(d.breakdown()).extracting(Difficulty.Contribution::fact, Difficulty.Contribution::points).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Password-hash export", 1.0),
                org.assertj.core.groups.Tuple.tuple("Exported hash scheme", 0.0),
                org.assertj.core.groups.Tuple.tuple("TOTP secret export", 0.0),
                org.assertj.core.groups.Tuple.tuple("Bulk user export", 0.0),
                org.assertj.core.groups.Tuple.tuple("Extension model", 0.5));
        // 1 + 1.0 + 0.5 = 2.5, and a half rounds up
        assertThat(d.computed()).isEqualTo(3);
        assertThat(d.breakdown().getFirst().reason()).contains("support ticket");
    }

    @Test
    void anOverrideWinsButTheComputedScoreStaysVisible() {
        var in = inputs(HashExportPolicy.NONE, null, Set.of(), all(Support.NO), LifecycleStatus.ACTIVE, false);
        var d = DifficultyRules.outbound(in, 3, "Vendor offers an assisted export under NDA");
        assertThat(d.score()).isEqualTo(3);
        assertThat(d.computed()).isEqualTo(5);
        assertThat(d.overridden()).isTrue();
        assertThat(d.overrideReason()).contains("NDA");
        assertThatThrownBy(() -> DifficultyRules.outbound(in, 6, "too hard")).isInstanceOf(IllegalArgumentException.class);
    }
}
