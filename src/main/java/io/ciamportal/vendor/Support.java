package io.ciamportal.vendor;

import java.util.Locale;

/** How far a vendor supports a capability. Shown with a symbol and a word, never by colour alone. */
public enum Support {
    YES("Yes", "✓"),
    PARTIAL("Partial", "◐"),
    PAID_ADDON("Paid add-on", "$"),
    NO("No", "✗"),
    UNKNOWN("Unknown", "?");

    private final String label;
    private final String symbol;

    Support(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }

    /** The dataset's and the API's spelling: {@code yes}, {@code partial}, {@code paid_addon}, {@code no}, {@code unknown}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Support fromKey(String key) {
        return valueOf(key.strip().toUpperCase(Locale.ROOT));
    }
}
