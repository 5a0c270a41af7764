package org.harmony.dsar.legalhold.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.legalhold.LegalGrounds;
import org.harmony.dsar.legalhold.LegalHold;
import org.harmony.dsar.legalhold.LegalHoldRegistry;
import org.harmony.dsar.lookup.SubjectKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal hold registry over HTTP, for {@code legalCounsel} only (HTTP Basic against Camunda's identity service,
 * checked before any body is read by {@code system.StaffSecurity}).
 * Holds are placed, listed, reviewed and released; nothing is deleted. Answers never contain a subject identifier:
 * the registry keeps only its hash.
 */
@RestController
@RequestMapping(path = "/api/legal-holds", produces = MediaType.APPLICATION_JSON_VALUE)
class LegalHoldController {

    private final LegalHoldRegistry registry;

    LegalHoldController(LegalHoldRegistry registry) {
        this.registry = registry;
    }

    /** The subject a hold is on: which identifier, and its value (hashed at once, never stored or returned). */
    record SubjectIdentifier(@NotNull SubjectKey.Type type, @NotBlank @Size(max = 320) String value) {
    }

    record PlaceHold(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/:-]*") String matterReference,
            @NotNull LegalHold.Scope scope,
            @Valid SubjectIdentifier subject,
            @Size(max = 64) String sourceName,
            @Size(max = 100) String category,
            @NotBlank @Size(max = 64) String reasonCode,
            @Size(max = 1000) String note,
            @NotNull LocalDate reviewAt) {
    }

    record ReviewHold(@NotNull LocalDate reviewAt, @Size(max = 1000) String note) {
    }

    record ReleaseHold(@NotBlank @Size(max = 1000) String note) {
    }

    /** A hold as the API shows it: no identifier, only its type. */
    record HoldView(String id, String matterReference, LegalHold.Scope scope, SubjectKey.Type subjectKeyType,
            String sourceName, String category, String reasonCode, String ground, String note, String placedBy,
            Instant placedAt, LocalDate reviewAt, boolean active, Instant releasedAt, String releasedBy,
            String releaseNote, List<LegalHoldRegistry.HoldEvent> events) {

        static HoldView of(LegalHold hold, List<LegalHoldRegistry.HoldEvent> events) {
            return new HoldView(hold.id(), hold.matterReference(), hold.scope(), hold.subjectKeyType(),
                    hold.sourceName(), hold.category(), hold.reasonCode(),
                    LegalGrounds.describe(hold.reasonCode(), Locale.ENGLISH), hold.note(), hold.placedBy(),
                    hold.placedAt(), hold.reviewAt(), hold.active(), hold.releasedAt(), hold.releasedBy(),
                    hold.releaseNote(), events);
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HoldView> place(@Valid @RequestBody PlaceHold body,
            @AuthenticationPrincipal String userId) {
        LegalHold hold = registry.place(new LegalHoldRegistry.NewHold(body.matterReference(), body.scope(),
                body.subject() == null ? null : body.subject().type(),
                body.subject() == null ? null : body.subject().value(), body.sourceName(), body.category(),
                body.reasonCode(), body.note(), body.reviewAt()), userId);
        return ResponseEntity.created(URI.create("/api/legal-holds/" + hold.id()))
                .body(HoldView.of(hold, registry.events(hold.id())));
    }

    @GetMapping
    List<HoldView> list(@RequestParam(defaultValue = "active") String status) {
        if (!status.equals("active") && !status.equals("all")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid request",
                    "status: must be active or all");
        }
        return (status.equals("all") ? registry.all() : registry.active()).stream()
                .map(hold -> HoldView.of(hold, null)).toList();
    }

    @GetMapping("/{id}")
    HoldView get(@PathVariable String id) {
        return HoldView.of(registry.get(id), registry.events(id));
    }

    @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    HoldView review(@PathVariable String id, @Valid @RequestBody ReviewHold body,
            @AuthenticationPrincipal String userId) {
        return HoldView.of(registry.review(id, body.reviewAt(), body.note(), userId), registry.events(id));
    }

    @PostMapping(path = "/{id}/release", consumes = MediaType.APPLICATION_JSON_VALUE)
    HoldView release(@PathVariable String id, @Valid @RequestBody ReleaseHold body,
            @AuthenticationPrincipal String userId) {
        return HoldView.of(registry.release(id, body.note(), userId), registry.events(id));
    }

    @ExceptionHandler(LegalHoldRegistry.HoldNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(LegalHoldRegistry.HoldNotFoundException e) {
        return answer(new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "No such legal hold", e.getMessage() + "."));
    }

    @ExceptionHandler(LegalHoldRegistry.HoldReleasedException.class)
    ResponseEntity<ProblemDetail> released(LegalHoldRegistry.HoldReleasedException e) {
        return answer(new ApiProblem(HttpStatus.CONFLICT, "hold-released", "Legal hold released",
                e.getMessage() + "; a released hold does not change. Place a new hold if needed."));
    }

    @ExceptionHandler(LegalHoldRegistry.InvalidHoldException.class)
    ResponseEntity<ProblemDetail> invalid(LegalHoldRegistry.InvalidHoldException e) {
        ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-hold", "Invalid legal hold",
                e.getMessage());
        problem.getBody().setProperty("errors", e.problems().stream().map(p -> {
            int colon = p.indexOf(':');
            return Map.of("field", p.substring(0, colon), "message", p.substring(colon + 1).strip());
        }).toList());
        return answer(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(ApiProblem problem) {
        return ResponseEntity.status(problem.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }
}
