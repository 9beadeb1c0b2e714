package io.ciamportal.selector;

import io.ciamportal.selector.Choices.Hosting;
import io.ciamportal.selector.Choices.MauBand;
import io.ciamportal.selector.Choices.PriceSensitivity;
import io.ciamportal.selector.Choices.Reason;
import io.ciamportal.selector.Choices.Shape;
import io.ciamportal.shared.InvalidInputException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The answers to the six questions. They round-trip through a URL query ({@link #toQuery()}, {@link #fromQuery(Map)}),
 * so a link reproduces a run. Lists are kept sorted and free of duplicates: equal answers are equal records.
 * Whether a slug, region or capability key exists is checked by {@link SelectorService} against the vendor index.
 *
 * @param currentPlatform the slug of today's platform, or null for none (greenfield or an in-house system)
 */
public record Answers(
        @Nullable String currentPlatform,
        Reason reason,
        Shape shape,
        Hosting hosting,
        boolean openSourceRequired,
        List<String> residency,
        List<String> attestations,
        MauBand mauBand,
        PriceSensitivity priceSensitivity,
        List<String> mustHave,
        List<String> niceToHave) {

    public static final int MAX_CAPABILITIES = 30;

    public Answers {
        currentPlatform = currentPlatform == null || currentPlatform.isBlank() ? null : currentPlatform.strip();
        residency = normalise(residency);
        attestations = normalise(attestations);
        mustHave = normalise(mustHave);
        niceToHave = normalise(niceToHave);
        if (reason == Reason.GREENFIELD && currentPlatform != null) {
            throw new InvalidInputException("reason", "Greenfield means there is no current platform: pick another reason or clear the current platform.");
        }
        if (mustHave.size() > MAX_CAPABILITIES || niceToHave.size() > MAX_CAPABILITIES) {
            throw new InvalidInputException("mustHave", "Choose at most " + MAX_CAPABILITIES + " capabilities per list.");
        }
        var both = new ArrayList<>(mustHave);
        both.retainAll(new HashSet<>(niceToHave));
        if (!both.isEmpty()) {
            throw new InvalidInputException("niceToHave", "A capability is either a must-have or a nice-to-have, not both: " + String.join(", ", both) + ".");
        }
    }

    /** What a new run starts with: no platform, greenfield, B2C, either hosting, 10k to 100k MAU, medium price sensitivity. */
    public static Answers defaults() {
        return new Answers(null, Reason.GREENFIELD, Shape.B2C, Hosting.EITHER, false, List.of(), List.of(), MauBand.FROM_10K_TO_100K,
                PriceSensitivity.MEDIUM, List.of(), List.of());
    }

    /** The answers as URL query parameters (repeated parameters for lists, defaults left out). */
    public Map<String, List<String>> toQuery() {
        var query = new LinkedHashMap<String, List<String>>();
        if (currentPlatform != null) {
            query.put("from", List.of(currentPlatform));
        }
        query.put("reason", List.of(token(reason)));
        query.put("shape", List.of(token(shape)));
        query.put("hosting", List.of(token(hosting)));
        if (openSourceRequired) {
            query.put("oss", List.of("true"));
        }
        putList(query, "region", residency);
        putList(query, "attestation", attestations);
        query.put("mau", List.of(token(mauBand)));
        query.put("price", List.of(token(priceSensitivity)));
        putList(query, "must", mustHave);
        putList(query, "nice", niceToHave);
        return query;
    }

    /** The answers as one URL query string, e.g. {@code reason=per-mau-cost&shape=b2c&...}. */
    public String toQueryString() {
        var parts = new ArrayList<String>();
        toQuery().forEach((key, values) -> values.forEach(v -> parts.add(key + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return String.join("&", parts);
    }

    /** Reads answers from a URL query string; see {@link #fromQuery(Map)}. */
    public static Answers fromQueryString(String queryString) {
        var query = new LinkedHashMap<String, List<String>>();
        for (String part : queryString.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return fromQuery(query);
    }

    /**
     * Reads answers from URL query parameters; a missing parameter takes its default.
     *
     * @throws InvalidInputException naming the parameter whose value is not one of its choices
     */
    public static Answers fromQuery(Map<String, List<String>> query) {
        var d = defaults();
        Function<String, @Nullable String> one = key -> {
            var values = query.get(key);
            return values == null || values.isEmpty() ? null : values.getFirst();
        };
        String oss = one.apply("oss");
        return new Answers(one.apply("from"),
                parse(Reason.class, "reason", one.apply("reason"), d.reason()),
                parse(Shape.class, "shape", one.apply("shape"), d.shape()),
                parse(Hosting.class, "hosting", one.apply("hosting"), d.hosting()),
                oss != null && (oss.equalsIgnoreCase("true") || oss.equals("1")),
                upper(query.getOrDefault("region", List.of())),
                upper(query.getOrDefault("attestation", List.of())),
                parse(MauBand.class, "mau", one.apply("mau"), d.mauBand()),
                parse(PriceSensitivity.class, "price", one.apply("price"), d.priceSensitivity()),
                query.getOrDefault("must", List.of()),
                query.getOrDefault("nice", List.of()));
    }

    /**
     * Parses one choice, accepting the API's spelling ({@code PER_MAU_COST}) and the URL's ({@code per-mau-cost}).
     *
     * @throws InvalidInputException naming the field and the allowed values
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, @Nullable String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        var allowed = new ArrayList<String>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name());
        }
        throw new InvalidInputException(field, "Unknown " + field + " " + value.strip() + "; use one of " + String.join(", ", allowed) + ".");
    }

    static String token(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void putList(Map<String, List<String>> query, String key, List<String> values) {
        if (!values.isEmpty()) {
            query.put(key, values);
        }
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).toList();
    }

    private static List<String> normalise(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().sorted().toList();
    }
}
