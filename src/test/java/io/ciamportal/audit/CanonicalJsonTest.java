package io.ciamportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {

    static List<Arguments> cases() {
        var unordered = new LinkedHashMap<String, Object>();
        unordered.put("b", 2);
        unordered.put("a", 1);
        return List.of(
                Arguments.of("keys sorted", unordered, "{\"a\":1,\"b\":2}"),
                Arguments.of("nested", Map.of("x", List.of(1, "two", true)), "{\"x\":[1,\"two\",true]}"),
                Arguments.of("sets sorted", Set.of("viewer", "admin"), "[\"admin\",\"viewer\"]"),
                Arguments.of("escapes", "quote \" back \\ nl \n tab \t", "\"quote \\\" back \\\\ nl \\u000a tab \\u0009\""),
                Arguments.of("unicode kept", "Zoë 日本", "\"Zoë 日本\""),
                Arguments.of("decimal plain", new BigDecimal("1.50"), "1.5"),
                Arguments.of("enum as name", AuditOutcome.DENIED, "\"DENIED\""),
                Arguments.of("null value", nullMap(), "{\"k\":null}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesCanonicalText(String name, Object value, String expected) {
        assertThat(CanonicalJson.of(value)).isEqualTo(expected);
    }

    @Test
    void redactsTheDeclaredFieldsAtAnyDepth() {
        var text = CanonicalJson.of(Map.of("password", "p", "nested", Map.of("apiKey", "k", "list", List.of(Map.of("password", "q"))),
                "note", "kept"), Set.of("password", "apiKey"));
        assertThat(text).isEqualTo(
                "{\"nested\":{\"apiKey\":\"[redacted]\",\"list\":[{\"password\":\"[redacted]\"}]},\"note\":\"kept\",\"password\":\"[redacted]\"}");
    }

    @Test
    void keysAreNotRedactedByTheirName() {
        // a vendor fact about password hashes is a fact, not a secret
        assertThat(CanonicalJson.of(Map.of("hashExportPolicy", "SUPPORT_TICKET", "passwordHashes", "bcrypt")))
                .isEqualTo("{\"hashExportPolicy\":\"SUPPORT_TICKET\",\"passwordHashes\":\"bcrypt\"}");
    }

    @Test
    void aDeclaredFieldThatIsNullStaysNull() {
        assertThat(CanonicalJson.of(nullMap(), Set.of("k"))).isEqualTo("{\"k\":null}");
    }

    @Test
    void equalValuesGiveEqualText() {
        var a = new LinkedHashMap<String, Object>(Map.of("roles", Set.of("B", "A"), "n", 1));
        var b = new LinkedHashMap<String, Object>();
        b.put("n", 1);
        b.put("roles", Set.of("A", "B"));
        assertThat(CanonicalJson.of(a)).isEqualTo(CanonicalJson.of(b));
    }

    private static Map<String, Object> nullMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("k", null);
        return map;
    }
}
