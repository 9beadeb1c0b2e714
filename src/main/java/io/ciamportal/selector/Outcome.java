package io.ciamportal.selector;

import io.ciamportal.vendor.Support;
import java.util.List;

/**
 * What a run of the selector gives: the ranked shortlist, the vendors to verify with their vendor, and every vendor a
 * gate dropped, with the gate and the reason.
 */
public record Outcome(List<Ranked> ranked, List<Verify> verify, List<Eliminated> eliminated) {

    /** The ranking criteria, in display order, with their maximum points (they add up to 100). */
    public enum Criterion {
        REASON("reason", "Reason fit", 30),
        SHAPE("shape", "Identity shape", 15),
        HOSTING("hosting", "Hosting", 10),
        SCALE("scale", "Scale and price", 15),
        NICE_TO_HAVE("niceToHave", "Nice-to-haves", 15),
        MIGRATION("migration", "Migration from today", 15);

        private final String key;
        private final String label;
        private final int max;

        Criterion(String key, String label, int max) {
            this.key = key;
            this.label = label;
            this.max = max;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public int max() {
            return max;
        }
    }

    /** The gates, in the order they are checked; a dropped vendor is listed under the first gate it fails. */
    public enum Gate {
        CURRENT_PLATFORM("current-platform", "Your current platform"),
        LIFECYCLE("lifecycle", "End of sale or end of life"),
        HOSTING("hosting", "Hosting"),
        OPEN_SOURCE("open-source", "Open-source licence"),
        RESIDENCY("residency", "Data residency"),
        ATTESTATIONS("attestations", "Attestations"),
        MUST_HAVE("must-have", "Must-have capabilities");

        private final String key;
        private final String label;

        Gate(String key, String label) {
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

    /** One criterion's points for one vendor, with the facts behind them in a line. */
    public record Score(Criterion criterion, int points, String why) {
        public int max() {
            return criterion.max();
        }
    }

    /** A capability the vendor does not fully support that the answers asked or hoped for. */
    public record Lack(String capability, Support support) {}

    public record Ranked(String slug, String name, int total, List<Score> points, List<Lack> lacks) {
        public Score score(Criterion criterion) {
            return points.stream().filter(s -> s.criterion() == criterion).findFirst().orElseThrow();
        }
    }

    /**
     * A vendor that passes every gate it can be judged on, but whose value is unknown for some: capability keys,
     * {@code residency:<REGION>} or {@code attestation:<NAME>}.
     */
    public record Verify(String slug, String name, List<String> unknown) {}

    public record Eliminated(String slug, String name, Gate gate, String detail) {}

    /** The ranked slugs, best first. */
    public List<String> rankedSlugs() {
        return ranked.stream().map(Ranked::slug).toList();
    }
}
