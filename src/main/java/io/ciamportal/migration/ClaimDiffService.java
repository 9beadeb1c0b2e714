package io.ciamportal.migration;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.migration.claims.ClaimDiff;
import io.ciamportal.migration.claims.ClaimDiffer;
import io.ciamportal.migration.claims.ClaimFlow;
import io.ciamportal.migration.claims.ClaimVerdict;
import io.ciamportal.migration.claims.DecodedToken;
import io.ciamportal.migration.claims.TokenDecoder;
import io.ciamportal.migration.claims.TokenFormatException;
import io.ciamportal.migration.claims.TokenKind;
import io.ciamportal.migration.internal.ClaimDiffStore;
import io.ciamportal.migration.internal.Migration;
import io.ciamportal.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dual-run claim diffs of a migration: an analyst member (owner or analyst) or an admin pastes a flow's token from the
 * old platform and one from the new; both are decoded in memory, compared, and forgotten. Only the claim names and
 * verdicts are stored, with who and when, and audited as counts. Members and admins read them. A pasted token never
 * reaches a message, a log line, the database or the audit log.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ClaimDiffService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ClaimDiff.Claim>> CLAIMS = new TypeReference<>() {};
    private static final int HISTORY = 100;

    private final MigrationLoader loader;
    private final MigrationAssembler assembler;
    private final ClaimDiffStore store;
    private final SubjectKeyedApps subjectKeyedApps;
    private final AuditLog audit;
    private final Clock clock;

    ClaimDiffService(MigrationLoader loader, MigrationAssembler assembler, ClaimDiffStore store, SubjectKeyedApps subjectKeyedApps, AuditLog audit,
            Clock clock) {
        this.loader = loader;
        this.assembler = assembler;
        this.store = store;
        this.subjectKeyedApps = subjectKeyedApps;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Compares the two tokens of a flow and stores the verdicts. Bad input: {@link InvalidInputException} naming
     * {@code flow}, {@code oldToken} or {@code newToken}, with a sentence that never quotes the token; nothing stored.
     */
    @Transactional
    public ClaimDiffViews.Comparison compare(UUID migrationId, @Nullable String flow, @Nullable String oldToken, @Nullable String newToken) {
        var m = loader.editable(migrationId);
        var me = loader.me();
        ClaimFlow f = flow(flow);
        DecodedToken before = decode(oldToken, "oldToken", "The old platform's token");
        DecodedToken after = decode(newToken, "newToken", "The new platform's token");
        ClaimDiff diff;
        try {
            diff = ClaimDiffer.compare(before, after);
        } catch (TokenFormatException e) {
            boolean newSide = e.getMessage() != null && e.getMessage().startsWith("The new");
            throw new InvalidInputException(newSide ? "newToken" : "oldToken", e.getMessage());
        }
        var id = UUID.randomUUID();
        var row = new ClaimDiffStore.Row(id, m.id(), f.name(), diff.oldKind().name(), diff.newKind().name(), diff.subChanged(),
                JSON.writeValueAsString(diff.claims()), me.userId(), clock.instant());
        store.insert(row);

        var counts = new LinkedHashMap<String, Integer>();
        diff.counts().forEach((verdict, n) -> {
            if (n > 0) {
                counts.put(verdict.name(), n);
            }
        });
        var details = new LinkedHashMap<String, Object>();
        details.put("claimDiffId", id.toString());
        details.put("flow", f.name());
        details.put("subChanged", diff.subChanged());
        details.put("verdicts", counts);
        audit.record(AuditEvent.success(AuditAction.MIGRATION_CLAIMS_COMPARED, AuditTarget.MIGRATION, m.id().toString(), null, details));
        return comparison(m, row, diff.claims(), Map.of(me.userId(), me.displayName()));
    }

    /** The latest comparison per flow, the flows not compared yet, and the history; members and admins. */
    @Transactional(readOnly = true)
    public ClaimDiffViews.Status status(UUID migrationId) {
        var m = loader.readable(migrationId);
        var latest = store.latestPerFlow(m.id());
        var history = store.history(m.id(), HISTORY);
        var people = new java.util.HashSet<UUID>();
        latest.forEach(r -> people.add(r.comparedBy()));
        history.forEach(r -> people.add(r.comparedBy()));
        var names = assembler.names(people);
        var comparisons = new ArrayList<ClaimDiffViews.Comparison>();
        for (var r : latest) {
            flowOf(r).ifPresent(f -> comparisons.add(comparison(m, r, claims(r), names)));
        }
        comparisons.sort(Comparator.comparing(ClaimDiffViews.Comparison::flow));
        var compared = comparisons.stream().map(ClaimDiffViews.Comparison::flow).collect(Collectors.toSet());
        var notCompared = new ArrayList<ClaimDiffViews.FlowRef>();
        var optional = new ArrayList<ClaimDiffViews.FlowRef>();
        for (var f : ClaimFlow.values()) {
            if (!compared.contains(f)) {
                (f.required() ? notCompared : optional).add(new ClaimDiffViews.FlowRef(f, f.label(), f.required()));
            }
        }
        var rows = new ArrayList<ClaimDiffViews.HistoryRow>();
        for (var r : history) {
            var claims = claims(r);
            var counts = ClaimDiff.counts(claims);
            flowOf(r).ifPresent(f -> rows.add(new ClaimDiffViews.HistoryRow(r.id(), f, f.label(), r.subChanged(), counts, toReview(counts),
                    r.comparedAt(), names.getOrDefault(r.comparedBy(), "unknown"))));
        }
        return new ClaimDiffViews.Status(comparisons, notCompared, optional, rows, MigrationLoader.canEdit(m, loader.me()));
    }

    private ClaimDiffViews.Comparison comparison(Migration m, ClaimDiffStore.Row r, List<ClaimDiff.Claim> claims, Map<UUID, String> names) {
        var counts = ClaimDiff.counts(claims);
        ClaimFlow flow = ClaimFlow.valueOf(r.flow());
        List<String> apps = r.subChanged() ? subjectKeyedApps.appsKeyedOnSub(m.id()) : List.of();
        return new ClaimDiffViews.Comparison(r.id(), flow, flow.label(), TokenKind.valueOf(r.oldKind()), TokenKind.valueOf(r.newKind()),
                r.subChanged(), List.copyOf(apps), claims, counts, toReview(counts), r.comparedAt(), names.getOrDefault(r.comparedBy(), "unknown"));
    }

    private static int toReview(Map<ClaimVerdict, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey().review()).mapToInt(Map.Entry::getValue).sum();
    }

    private static java.util.Optional<ClaimFlow> flowOf(ClaimDiffStore.Row r) {
        return Arrays.stream(ClaimFlow.values()).filter(f -> f.name().equals(r.flow())).findFirst();
    }

    private static List<ClaimDiff.Claim> claims(ClaimDiffStore.Row r) {
        return JSON.readValue(r.claims(), CLAIMS);
    }

    private static ClaimFlow flow(@Nullable String flow) {
        String all = Arrays.stream(ClaimFlow.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (flow == null || flow.isBlank()) {
            throw new InvalidInputException("flow", "Choose the flow: one of " + all + ".");
        }
        return ClaimFlow.parse(flow).orElseThrow(() -> new InvalidInputException("flow", "Unknown flow; choose one of " + all + "."));
    }

    private static DecodedToken decode(@Nullable String token, String field, String which) {
        try {
            return TokenDecoder.decode(token);
        } catch (TokenFormatException e) {
            throw new InvalidInputException(field, which + ": " + e.getMessage());
        }
    }
}
