package io.ciamportal.selector.api;

import io.ciamportal.selector.Answers;
import io.ciamportal.selector.Choices.Hosting;
import io.ciamportal.selector.Choices.MauBand;
import io.ciamportal.selector.Choices.PriceSensitivity;
import io.ciamportal.selector.Choices.Reason;
import io.ciamportal.selector.Choices.Shape;
import io.ciamportal.selector.Outcome;
import io.ciamportal.selector.SelectorService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/selector}: the six questions as one request, the ranked and explained shortlist as the answer. */
@RestController
@RequestMapping("/api/v1/selector")
@PreAuthorize("isAuthenticated()")
class SelectorApiController {

    private final SelectorService selector;

    SelectorApiController(SelectorService selector) {
        this.selector = selector;
    }

    /** The answers; a missing field takes the wizard's default, an unknown value is refused with its field named. */
    @Schema(description = "Answers to the six selector questions")
    record SelectorRequest(
            @Schema(description = "Slug of today's platform (GET /api/v1/vendors); null for none", example = "auth0")
            @Nullable String currentPlatform,
            @Nullable Reason reason,
            @Nullable Shape shape,
            @Nullable Hosting hosting,
            @Nullable Boolean openSourceRequired,
            @Schema(description = "Regions the data must stay in; see GET /api/v1/selector/options")
            @Nullable List<String> residency,
            @Schema(description = "Attestations the vendor must hold; see GET /api/v1/selector/options")
            @Nullable List<String> attestations,
            @Nullable MauBand mauBand,
            @Nullable PriceSensitivity priceSensitivity,
            @Schema(description = "Capability keys (GET /api/v1/capabilities) a vendor must support with a plain yes")
            @Nullable List<String> mustHave,
            @Schema(description = "Capability keys that add points when supported")
            @Nullable List<String> niceToHave) {

        Answers toAnswers() {
            var d = Answers.defaults();
            return new Answers(currentPlatform, reason == null ? d.reason() : reason, shape == null ? d.shape() : shape,
                    hosting == null ? d.hosting() : hosting, Boolean.TRUE.equals(openSourceRequired),
                    residency == null ? List.of() : residency, attestations == null ? List.of() : attestations,
                    mauBand == null ? d.mauBand() : mauBand, priceSensitivity == null ? d.priceSensitivity() : priceSensitivity,
                    mustHave == null ? List.of() : mustHave, niceToHave == null ? List.of() : niceToHave);
        }
    }

    record RankedJson(String slug, String name, int total, Map<String, Integer> points, Map<String, String> why, List<String> lacks) {}

    record VerifyJson(String slug, String name, List<String> unknown) {}

    record EliminatedJson(String slug, String name, String gate, String detail) {}

    record SelectorResponse(List<RankedJson> ranked, List<VerifyJson> verify, List<EliminatedJson> eliminated) {}

    @Operation(summary = "Run the selector", description = "Gates drop vendors with a named reason; unknowns on a must-have go to "
            + "'verify'; the rest are ranked by points per criterion (reason, shape, hosting, scale, niceToHave, migration). "
            + "Deterministic: the same answers give the same output. An unknown slug, region, attestation or capability key is "
            + "refused with 400 and the field named.")
    @PostMapping(consumes = "application/json")
    SelectorResponse run(@RequestBody SelectorRequest request) {
        var outcome = selector.run(request.toAnswers()).outcome();
        return new SelectorResponse(
                outcome.ranked().stream().map(SelectorApiController::ranked).toList(),
                outcome.verify().stream().map(v -> new VerifyJson(v.slug(), v.name(), v.unknown())).toList(),
                outcome.eliminated().stream().map(e -> new EliminatedJson(e.slug(), e.name(), e.gate().key(), e.detail())).toList());
    }

    private static RankedJson ranked(Outcome.Ranked r) {
        var points = new LinkedHashMap<String, Integer>();
        var why = new LinkedHashMap<String, String>();
        r.points().forEach(s -> {
            points.put(s.criterion().key(), s.points());
            why.put(s.criterion().key(), s.why());
        });
        return new RankedJson(r.slug(), r.name(), r.total(), points, why,
                r.lacks().stream().map(Outcome.Lack::capability).toList());
    }

    record RunJson(java.util.UUID id, String name, boolean mine, String createdAt, String updatedAt, String query, String link) {}

    record SaveRunRequest(@Nullable String name, @Nullable SelectorRequest answers) {}

    record RenameRequest(@Nullable String name) {}

    @Operation(summary = "Your saved runs, most recently changed first")
    @GetMapping("/runs")
    List<RunJson> runs() {
        return selector.myRuns().stream().map(SelectorApiController::run).toList();
    }

    @Operation(summary = "Save a run under a name", description = "Audited. The answers are validated like POST /api/v1/selector.")
    @PostMapping(value = "/runs", consumes = "application/json")
    org.springframework.http.ResponseEntity<RunJson> save(@RequestBody SaveRunRequest request) {
        var answers = request.answers() == null ? Answers.defaults() : request.answers().toAnswers();
        var saved = selector.save(request.name() == null ? "" : request.name(), answers);
        return org.springframework.http.ResponseEntity.status(201).body(run(saved));
    }

    @Operation(summary = "Open a saved run by its id (the share link); any signed-in user")
    @GetMapping("/runs/{id}")
    RunJson open(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id) {
        return run(selector.open(id));
    }

    @Operation(summary = "Rename a saved run (its owner or an admin); audited")
    @org.springframework.web.bind.annotation.PatchMapping(value = "/runs/{id}", consumes = "application/json")
    RunJson rename(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id, @RequestBody RenameRequest request) {
        return run(selector.rename(id, request.name() == null ? "" : request.name()));
    }

    @Operation(summary = "Delete a saved run (its owner or an admin); audited")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "The saved run is deleted")
    @org.springframework.web.bind.annotation.DeleteMapping("/runs/{id}")
    org.springframework.http.ResponseEntity<Void> delete(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id) {
        selector.delete(id);
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    private static RunJson run(SelectorService.SavedRun r) {
        return new RunJson(r.id(), r.name(), r.mine(), r.createdAt().toString(), r.updatedAt().toString(), r.query(),
                "/selector/runs/" + r.id());
    }

    @Operation(summary = "The value lists of the six questions",
            description = "Reasons, shapes, hosting, MAU bands and price sensitivity (value, label, help), regions, attestations, "
                    + "the platforms you can come from, and the capability keys.")
    @GetMapping("/options")
    SelectorService.Options options() {
        return selector.options();
    }
}
