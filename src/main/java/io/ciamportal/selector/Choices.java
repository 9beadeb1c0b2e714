package io.ciamportal.selector;

/** The closed answers of the six questions, each with the label and the one line of help the wizard shows. */
public final class Choices {

    private Choices() {}

    /** A choice the wizard can show: a label and a line of help. */
    public interface Explained {
        String label();

        String help();
    }

    /** Question 1: why you are moving. Each reason maps to vendor traits (docs/selector.md). */
    public enum Reason implements Explained {
        PER_MAU_COST("Escape per-MAU cost at scale", "Your bill grows with every active user; favours self-hosting and per-organization or flat pricing."),
        B2C_PASSWORDLESS("Need B2C passwordless", "Consumers should sign in with passkeys, magic links or one-time codes."),
        B2B_SSO_SCIM("Need budget B2B enterprise SSO and SCIM", "Business customers bring their own SAML and provision users with SCIM, without enterprise-tier prices."),
        SOVEREIGNTY("Need sovereignty or self-hosting", "You must run identity on infrastructure you control, ideally with an open licence."),
        END_OF_LIFE("Forced off an end-of-life platform", "Your platform stops being sold or supported; favours the same cloud's successor and easy arrival."),
        LEAVING_SUITE("Leaving an all-in-one suite", "You want to replace a broad heritage suite; favours breadth of capabilities."),
        GREENFIELD("Greenfield: first CIAM platform", "Nothing to migrate; favours developer-first platforms with broad coverage and a free start.");

        private final String label;
        private final String help;

        Reason(String label, String help) {
            this.label = label;
            this.help = help;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String help() {
            return help;
        }
    }

    /** Question 2: who signs in. */
    public enum Shape implements Explained {
        B2C("B2C", "Consumers sign up themselves, often in large numbers, with social and passwordless sign-in."),
        B2B("B2B SaaS", "Business customers as organizations, each with its own users, SSO and roles."),
        B2B2C("Hybrid B2B2C", "Businesses and their own consumers in one platform: organizations and self sign-up.");

        private final String label;
        private final String help;

        Shape(String label, String help) {
            this.label = label;
            this.help = help;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String help() {
            return help;
        }
    }

    /** Question 3: who runs it. */
    public enum Hosting implements Explained {
        MANAGED("Managed service", "The vendor runs it; drops vendors you can only self-host."),
        SELF_HOSTED("Self-hosted", "You run it on your own infrastructure; drops managed-only vendors."),
        EITHER("Either", "No preference; vendors that offer both score a little higher.");

        private final String label;
        private final String help;

        Hosting(String label, String help) {
            this.label = label;
            this.help = help;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String help() {
            return help;
        }
    }

    /** Question 5a: monthly active users in 24 months. */
    public enum MauBand implements Explained {
        UNDER_10K("Under 10,000", "Free tiers usually cover this; price matters little."),
        FROM_10K_TO_100K("10,000 to 100,000", "Per-MAU pricing starts to show on the bill."),
        FROM_100K_TO_1M("100,000 to 1 million", "Per-MAU pricing dominates the cost; flat, per-organization and self-hosted pricing pull ahead."),
        OVER_1M("Over 1 million", "Per-MAU pricing is usually the largest cost; self-hosting and negotiated contracts pull ahead.");

        private final String label;
        private final String help;

        MauBand(String label, String help) {
            this.label = label;
            this.help = help;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String help() {
            return help;
        }
    }

    /** Question 5b: how much the price weighs against proven scale. */
    public enum PriceSensitivity implements Explained {
        LOW("Low", "Price is secondary; proven operation at your scale counts more."),
        MEDIUM("Medium", "Price and proven scale weigh the same."),
        HIGH("High", "Price decides; cheaper models at your scale score much higher.");

        private final String label;
        private final String help;

        PriceSensitivity(String label, String help) {
            this.label = label;
            this.help = help;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String help() {
            return help;
        }
    }
}
