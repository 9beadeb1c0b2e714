package io.ciamportal.selector;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalRole;
import io.ciamportal.selector.Choices.Explained;
import io.ciamportal.selector.Choices.Reason;
import io.ciamportal.selector.internal.SelectorRun;
import io.ciamportal.selector.internal.SelectorRunRepository;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.vendor.VendorService;
import io.ciamportal.vendor.VendorViews;
import io.ciamportal.vendor.Vocabulary;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the selector for any signed-in user and keeps their saved runs. Answers are checked against the vendor index
 * (slugs, regions, attestations, capability keys) before the engine sees them; a saved run can be opened by anyone
 * signed in who has its link, but only its owner (or an admin) renames or deletes it.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class SelectorService {

    /** How many runs one user may keep; enough for real work, a bound against runaway scripts. */
    static final int MAX_RUNS_PER_USER = 200;

    private final VendorService vendors;
    private final SelectorRunRepository runs;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    SelectorService(VendorService vendors, SelectorRunRepository runs, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.vendors = vendors;
        this.runs = runs;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- running ------------------------------------------------------------------------------------------------

    public record Option(String value, String label, String help) {}

    public record Platform(String slug, String name, boolean active) {}

    public record CapabilityOption(String key, String name, String group, String description) {}

    /** Every value list the questions offer. */
    public record Options(List<Option> reasons, List<Option> shapes, List<Option> hosting, List<Option> mauBands,
            List<Option> priceSensitivity, List<String> regions, List<String> attestations, List<Platform> platforms,
            List<CapabilityOption> capabilities) {}

    public Options options() {
        var platforms = vendors.snapshots().stream()
                .map(s -> new Platform(s.summary().slug(), s.summary().name(),
                        s.summary().lifecycle().status() == io.ciamportal.vendor.VendorEnums.LifecycleStatus.ACTIVE))
                .toList();
        var capabilities = vendors.catalogue().stream()
                .map(c -> new CapabilityOption(c.key(), c.name(), c.groupName(), c.description())).toList();
        return new Options(options(Choices.Reason.values()), options(Choices.Shape.values()), options(Choices.Hosting.values()),
                options(Choices.MauBand.values()), options(Choices.PriceSensitivity.values()), regions(),
                Vocabulary.ATTESTATIONS, platforms, capabilities);
    }

    private static <E extends Enum<E> & Explained> List<Option> options(E[] values) {
        return Arrays.stream(values).map(v -> new Option(v.name(), v.label(), v.help())).toList();
    }

    /** The regions a user can require: the vocabulary without {@code ANY}, which only marks self-hostable vendors. */
    static List<String> regions() {
        return Vocabulary.REGIONS.stream().filter(r -> !r.equals("ANY")).toList();
    }

    /** The answers, the outcome, and the vendor names for display. */
    public record Result(Answers answers, Outcome outcome, Map<String, String> capabilityNames, Map<String, String> vendorNames) {}

    /**
     * Runs the engine over the whole vendor index.
     *
     * @throws InvalidInputException naming the field with an unknown slug, region, attestation or capability key
     */
    public Result run(Answers answers) {
        var snapshots = vendors.snapshots();
        var catalogue = vendors.catalogue();
        validate(answers, snapshots, catalogue);
        var candidates = snapshots.stream().map(SelectorService::candidate).toList();
        var capabilityNames = new LinkedHashMap<String, String>();
        catalogue.forEach(c -> capabilityNames.put(c.key(), c.name()));
        var vendorNames = new LinkedHashMap<String, String>();
        snapshots.forEach(s -> vendorNames.put(s.summary().slug(), s.summary().name()));
        return new Result(answers, SelectorEngine.run(answers, candidates), capabilityNames, vendorNames);
    }

    /** For each reason to leave {@code slug} (all but greenfield), the best other vendors, as the engine ranks them. */
    public record Alternative(Reason reason, List<Outcome.Ranked> ranked) {}

    public List<Alternative> alternatives(String slug, int perReason) {
        var snapshots = vendors.snapshots();
        if (snapshots.stream().noneMatch(s -> s.summary().slug().equals(slug))) {
            throw new NotFoundException("No vendor with the slug " + slug + ".");
        }
        var candidates = snapshots.stream().map(SelectorService::candidate).toList();
        var base = Answers.defaults();
        return Arrays.stream(Reason.values()).filter(r -> r != Reason.GREENFIELD)
                .map(reason -> {
                    var answers = new Answers(slug, reason, base.shape(), base.hosting(), false, List.of(), List.of(),
                            base.mauBand(), base.priceSensitivity(), List.of(), List.of());
                    var ranked = SelectorEngine.run(answers, candidates).ranked().stream()
                            .sorted(java.util.Comparator.comparingInt((Outcome.Ranked r) -> r.score(Outcome.Criterion.REASON).points())
                                    .reversed().thenComparing(java.util.Comparator.comparingInt(Outcome.Ranked::total).reversed())
                                    .thenComparing(r -> r.name().toLowerCase(java.util.Locale.ROOT)))
                            .limit(perReason).toList();
                    return new Alternative(reason, ranked);
                })
                .toList();
    }

    private static void validate(Answers a, List<VendorViews.Snapshot> snapshots, List<VendorViews.CapabilityInfo> catalogue) {
        if (a.currentPlatform() != null && snapshots.stream().noneMatch(s -> s.summary().slug().equals(a.currentPlatform()))) {
            throw new InvalidInputException("currentPlatform", "Unknown vendor " + a.currentPlatform() + " as current platform.");
        }
        requireKnown("residency", a.residency(), new HashSet<>(regions()), "region");
        requireKnown("attestations", a.attestations(), new HashSet<>(Vocabulary.ATTESTATIONS), "attestation");
        var keys = new HashSet<String>();
        catalogue.forEach(c -> keys.add(c.key()));
        requireKnown("mustHave", a.mustHave(), keys, "capability key");
        requireKnown("niceToHave", a.niceToHave(), keys, "capability key");
    }

    private static void requireKnown(String field, List<String> values, Set<String> known, String what) {
        for (String value : values) {
            if (!known.contains(value)) {
                throw new InvalidInputException(field, "Unknown " + what + " " + value + ".");
            }
        }
    }

    static Candidate candidate(VendorViews.Snapshot s) {
        var v = s.summary();
        return new Candidate(v.slug(), v.name(), v.deployment(), v.openSource(), v.tier(), v.lifecycle().status(),
                v.lifecycle().endOfSale(), v.lifecycle().endOfLife(), v.pricingModels(), v.audiences(), s.regions(),
                s.attestations(), v.capabilities(), v.inbound().score(), s.migration().hashExportPolicy(),
                s.migration().hashExportScheme(), Set.copyOf(s.migration().hashImportSchemes()));
    }

    // ---- saved runs ---------------------------------------------------------------------------------------------

    /** A saved run as lists and dialogs show it. */
    public record SavedRun(UUID id, String name, Answers answers, String query, boolean mine, Instant createdAt, Instant updatedAt) {}

    /** The signed-in user's runs, most recently changed first. */
    public List<SavedRun> myRuns() {
        var me = currentUser.require().userId();
        return runs.findByOwnerIdOrderByUpdatedAtDescIdAsc(me).stream().map(r -> view(r, me)).toList();
    }

    /** Opens a run by its link; any signed-in user may, since the link is what its owner shares. */
    public SavedRun open(UUID id) {
        var me = currentUser.require().userId();
        return runs.findById(id).map(r -> view(r, me)).orElseThrow(() -> new NotFoundException("No saved run with this link."));
    }

    @Transactional
    public SavedRun save(String name, Answers answers) {
        var me = currentUser.require();
        String clean = validName(name);
        run(answers);
        if (runs.countByOwnerId(me.userId()) >= MAX_RUNS_PER_USER) {
            throw new RuleViolationException("You keep " + MAX_RUNS_PER_USER + " saved runs already; delete some first.");
        }
        var run = runs.save(new SelectorRun(me.userId(), clean, answers.toQueryString(), clock.instant()));
        audit.record(AuditEvent.success(AuditAction.SELECTOR_RUN_SAVED, AuditTarget.SELECTOR_RUN, run.id().toString(), null,
                Map.of("name", clean, "answers", run.answers())));
        return view(run, me.userId());
    }

    @Transactional
    public SavedRun rename(UUID id, String name) {
        var me = currentUser.require();
        var run = owned(id);
        String clean = validName(name);
        String before = run.name();
        run.rename(clean, clock.instant());
        runs.flush();
        audit.record(AuditEvent.success(AuditAction.SELECTOR_RUN_RENAMED, AuditTarget.SELECTOR_RUN, id.toString(), Map.of("name", before), Map.of("name", clean)));
        return view(run, me.userId());
    }

    @Transactional
    public void delete(UUID id) {
        var run = owned(id);
        runs.delete(run);
        runs.flush();
        audit.record(AuditEvent.success(AuditAction.SELECTOR_RUN_DELETED, AuditTarget.SELECTOR_RUN, id.toString(),
                Map.of("name", run.name(), "answers", run.answers()), null));
    }

    /** The run, if the current user owns it or is an admin; anyone else gets "not found" or a refusal. */
    private SelectorRun owned(UUID id) {
        var me = currentUser.require();
        var run = runs.findById(id).orElseThrow(() -> new NotFoundException("No saved run with this link."));
        if (!run.ownedBy(me.userId()) && !me.hasRole(PortalRole.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("Only the owner of a saved run can change it.");
        }
        return run;
    }

    private static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("name", "Give the run a name.");
        }
        if (clean.length() > SelectorRun.MAX_NAME) {
            throw new InvalidInputException("name", "Keep the name under " + SelectorRun.MAX_NAME + " characters.");
        }
        return clean;
    }

    private static SavedRun view(SelectorRun run, UUID me) {
        var answers = Answers.fromQueryString(run.answers());
        return new SavedRun(run.id(), run.name(), answers, run.answers(), run.ownedBy(me), run.createdAt(), run.updatedAt());
    }
}
