package io.ciamportal.bench;

import io.ciamportal.migration.DatasetSides;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.migration.PlanGenerator;
import io.ciamportal.migration.Report;
import io.ciamportal.migration.ReportMarkdown;
import io.ciamportal.migration.ReportPdf;
import io.ciamportal.migration.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Scoring one migration pair (the pure scorer with the seed dataset's facts) and generating the report (Markdown and
 * PDF) for a full demo-sized migration, in process. Run: {@code ./mvnw -q -DskipTests package exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.ciamportal.bench.MigrationBenchmark}. It prints numbers; it asserts
 * nothing.
 */
public final class MigrationBenchmark {

    public static void main(String[] args) {
        var source = DatasetSides.of("auth0");
        var destination = DatasetSides.of("keycloak");
        var inventory = new Inventory(420_000L, 160_000L, 0.86, 0.12, 0.05, 0.03, 0.35, 4, 17, 23, 140, true, 730, "EU",
                Inventory.DowntimeTolerance.MINUTES, null);
        for (int i = 0; i < 20_000; i++) {
            Scorer.score(source, destination, inventory);
        }
        var times = new ArrayList<Double>();
        for (int i = 0; i < 20_000; i++) {
            long t0 = System.nanoTime();
            Scorer.score(source, destination, inventory);
            times.add((System.nanoTime() - t0) / 1e3);
        }
        System.out.printf("Scorer, one pair (Auth0 -> Keycloak, 10 items, plan not included): median %.0f µs, p99 %.0f µs over 20,000 runs%n",
                BenchSupport.percentile(times, 50), BenchSupport.percentile(times, 99));

        var assessment = Scorer.score(source, destination, inventory);
        var suggestions = PlanGenerator.generate(source, destination, inventory, assessment);
        var phases = new ArrayList<MigrationViews.Phase>();
        for (int p = 1; p <= 5; p++) {
            int phase = p;
            phases.add(new MigrationViews.Phase(phase, PlanGenerator.PHASES.get(phase - 1), suggestions.stream().filter(s -> s.phase() == phase)
                    .map(s -> new MigrationViews.PlanItemView(UUID.randomUUID(), phase, s.text(), s.cutover() ? "CUTOVER" : "GENERATED", null,
                            null, null, false, null, 0)).toList()));
        }
        var summary = new MigrationViews.Summary(UUID.randomUUID(), "Customer login: Auth0 to Keycloak", "auth0", "Auth0", "keycloak",
                "Keycloak", "Demo analyst", MemberRole.OWNER, assessment.difficulty().score(), assessment.strategy(), 0, suggestions.size(),
                Instant.now(), List.of());
        var details = new MigrationViews.Details(summary, inventory, List.of(new MigrationViews.Member(UUID.randomUUID(), "analyst",
                "Demo analyst", MemberRole.OWNER)), assessment, phases, true, true, 0, null);
        var report = new Report(details, Instant.now(), "Benchmark", List.of());
        long firstStart = System.nanoTime();
        byte[] first = ReportPdf.render(report);
        double firstMs = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 0; i < 20; i++) {
            ReportPdf.render(report);
        }
        var pdfTimes = new ArrayList<Double>();
        var mdTimes = new ArrayList<Double>();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            ReportPdf.render(report);
            pdfTimes.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            ReportMarkdown.render(report);
            mdTimes.add((System.nanoTime() - t1) / 1e6);
        }
        System.out.printf("PDF report (%d KB): first in a fresh JVM %.0f ms; then median %.1f ms, p95 %.1f ms over 50%n", first.length / 1024,
                firstMs, BenchSupport.percentile(pdfTimes, 50), BenchSupport.percentile(pdfTimes, 95));
        System.out.printf("Markdown report: median %.2f ms%n", BenchSupport.percentile(mdTimes, 50));
    }

}
