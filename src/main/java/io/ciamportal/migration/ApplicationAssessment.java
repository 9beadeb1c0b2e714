package io.ciamportal.migration;

import io.ciamportal.migration.Assessment.Verdict;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The application side of a scored pair: one verdict per item of {@link ApplicationInventory} (and the enterprise
 * connections of {@link Inventory}), next to the ten user-side items of {@link Assessment}. Kept apart so the user-side
 * assessment, its callers and the sign-offs resting on it stay as they are.
 *
 * @param listed whether the team has filled in the application inventory; when not, counts are unknown
 */
public record ApplicationAssessment(boolean listed, List<ItemVerdict> items) {

    public ApplicationAssessment {
        items = List.copyOf(items);
    }

    /** The application-side items, in the order the tab, the reports and the API show them. */
    public enum Item {
        CLIENTS("clients", "Client applications"),
        ISSUER("issuer", "Issuer URL, signing keys and sub"),
        DOMAINS("domains", "Custom domains, DNS and TLS"),
        TEMPLATES("templates", "Email and SMS templates, sender domains"),
        WEBHOOKS("webhooks", "Webhook endpoints and secrets"),
        LOG_STREAMS("log_streams", "Log streams to a SIEM"),
        MACHINE_CREDENTIALS("machine_credentials", "API keys and machine credentials"),
        ENTERPRISE_HANDOFF("enterprise_handoff", "Enterprise connections: hand-off per customer");

        private final String key;
        private final String label;

        Item(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One application-side item's verdict, shaped like {@link Assessment.ItemVerdict}.
     *
     * @param affected objects it touches, or null when the inventory does not say
     */
    public record ItemVerdict(Item item, Verdict verdict, String reason, List<Side.Citation> facts, @Nullable Long affected, String unit,
            String effort) {

        public ItemVerdict {
            facts = List.copyOf(facts);
        }
    }

    public ItemVerdict item(Item item) {
        return items.stream().filter(i -> i.item() == item).findFirst().orElseThrow();
    }
}
