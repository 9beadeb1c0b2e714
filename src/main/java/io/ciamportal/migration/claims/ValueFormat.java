package io.ciamportal.migration.claims;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The kind of a claim's value, told from its shape alone: what an app that parses or stores it depends on. A value is
 * classified and then forgotten; only the label travels.
 */
public enum ValueFormat {
    AUTH0_ID("auth0-id"),
    PROVIDER_ID("provider|id"),
    UUID("uuid"),
    PREFIXED_ID("prefixed-id"),
    HEX_ID("hex-id"),
    EMAIL("email"),
    URL("url"),
    URN("urn"),
    PHONE("e164-phone"),
    NUMERIC_TEXT("numeric-string"),
    ISO_DATETIME("iso-datetime"),
    BOOLEAN_TEXT("boolean-string"),
    EMPTY("empty"),
    OPAQUE("opaque"),
    EPOCH_SECONDS("epoch-seconds"),
    EPOCH_MILLIS("epoch-millis"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    NONE("-");

    private static final Pattern AUTH0 = Pattern.compile("auth0\\|[^|\\s]+");
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]*(?:-oauth2)?\\|[^\\s]+");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PREFIXED = Pattern.compile("[a-z]{2,12}_[A-Za-z0-9]{10,}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{16,64}");
    private static final Pattern EMAIL_TEXT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE_TEXT = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern NUMERIC = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?");

    private final String label;

    ValueFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Strings and numbers get a format; booleans, arrays, objects and null do not ({@link #NONE}). */
    public static ValueFormat of(JsonNode value) {
        if (value.isString()) {
            return ofText(value.stringValue());
        }
        if (value.isNumber()) {
            BigDecimal n = value.decimalValue();
            if (n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0) {
                if (n.compareTo(BigDecimal.valueOf(100_000_000L)) >= 0 && n.compareTo(BigDecimal.valueOf(10_000_000_000L)) < 0) {
                    return EPOCH_SECONDS;
                }
                if (n.compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0 && n.compareTo(BigDecimal.valueOf(10_000_000_000_000L)) < 0) {
                    return EPOCH_MILLIS;
                }
            }
            return n.stripTrailingZeros().scale() <= 0 ? INTEGER : DECIMAL;
        }
        return NONE;
    }

    static ValueFormat ofText(String s) {
        if (s.isEmpty()) {
            return EMPTY;
        }
        if (AUTH0.matcher(s).matches()) {
            return AUTH0_ID;
        }
        if (PROVIDER.matcher(s).matches()) {
            return PROVIDER_ID;
        }
        if (UUID_TEXT.matcher(s).matches()) {
            return UUID;
        }
        if (s.startsWith("https://") || s.startsWith("http://")) {
            return URL;
        }
        if (s.regionMatches(true, 0, "urn:", 0, 4)) {
            return URN;
        }
        if (EMAIL_TEXT.matcher(s).matches()) {
            return EMAIL;
        }
        if (PHONE_TEXT.matcher(s).matches()) {
            return PHONE;
        }
        if (s.equals("true") || s.equals("false")) {
            return BOOLEAN_TEXT;
        }
        if (ISO.matcher(s).matches()) {
            return ISO_DATETIME;
        }
        if (NUMERIC.matcher(s).matches()) {
            return NUMERIC_TEXT;
        }
        if (HEX.matcher(s).matches()) {
            return HEX_ID;
        }
        if (PREFIXED.matcher(s).matches()) {
            return PREFIXED_ID;
        }
        return OPAQUE;
    }
}
