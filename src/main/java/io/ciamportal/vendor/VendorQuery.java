package io.ciamportal.vendor;

import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Search and filters of the vendor index; every part is optional. {@code capability} keeps vendors that support the
 * capability (yes, partial or paid add-on). Pure matching, so views, API and tests share it.
 */
public record VendorQuery(@Nullable String text, @Nullable Deployment deployment, @Nullable String audience,
        @Nullable String pricingModel, @Nullable LifecycleStatus lifecycle, @Nullable String capability, Sort sort) {

    public enum Sort {
        NAME("Name"), INBOUND_EASIEST("Easiest to arrive"), OUTBOUND_EASIEST("Easiest to leave");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final VendorQuery ALL = new VendorQuery(null, null, null, null, null, null, Sort.NAME);

    boolean matches(VendorViews.Summary v) {
        if (text != null && !text.isBlank()) {
            String q = text.strip().toLowerCase(Locale.ROOT);
            if (!v.name().toLowerCase(Locale.ROOT).contains(q) && !v.slug().contains(q)) {
                return false;
            }
        }
        if (deployment != null && v.deployment() != deployment && v.deployment() != Deployment.BOTH) {
            return false;
        }
        if (audience != null && !v.audiences().contains(audience)) {
            return false;
        }
        if (pricingModel != null && !v.pricingModels().contains(pricingModel)) {
            return false;
        }
        if (lifecycle != null && v.lifecycle().status() != lifecycle) {
            return false;
        }
        if (capability != null) {
            var support = v.capabilities().getOrDefault(capability, Support.UNKNOWN);
            return support == Support.YES || support == Support.PARTIAL || support == Support.PAID_ADDON;
        }
        return true;
    }

    Comparator<VendorViews.Summary> comparator() {
        Comparator<VendorViews.Summary> byName = Comparator.comparing(v -> v.name().toLowerCase(Locale.ROOT));
        return switch (sort) {
            case NAME -> byName;
            case INBOUND_EASIEST -> Comparator.<VendorViews.Summary>comparingInt(v -> v.inbound().score()).thenComparing(byName);
            case OUTBOUND_EASIEST -> Comparator.<VendorViews.Summary>comparingInt(v -> v.outbound().score()).thenComparing(byName);
        };
    }
}
