package org.harmony.dsar.breach.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.harmony.dsar.breach.Breach;
import org.harmony.dsar.breach.BreachNoticeProgress;
import org.harmony.dsar.breach.BreachRecords;
import org.harmony.dsar.breach.NewBreach;
import org.harmony.dsar.breach.process.BreachProcessStart;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.request.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DPO's breach API: record a breach (which starts its notices) and follow it. HTTP Basic against Camunda's
 * identity service, members of {@code dpo} only (checked before any body is read by {@code system.StaffSecurity}). Answers never contain an affected person's data, only counts.
 */
@RestController
class BreachController {

    private final BreachProcessStart start;
    private final BreachRecords breaches;
    private final BreachNoticeProgress notices;

    BreachController(BreachProcessStart start, BreachRecords breaches, BreachNoticeProgress notices) {
        this.start = start;
        this.breaches = breaches;
        this.notices = notices;
    }

    @PostMapping(path = "/api/breaches", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BreachView> record(@Valid @RequestBody NewBreach body, @AuthenticationPrincipal String userId) {
        Breach breach = start.start(body, userId);
        return ResponseEntity.created(URI.create("/api/breaches/" + breach.reference()))
                .body(BreachView.of(breach, notices.progress(breach.id())));
    }

    @GetMapping(path = "/api/breaches/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    BreachView status(@PathVariable String reference) {
        Breach breach = breaches.findByReference(reference).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "unknown-breach", "Unknown breach", "No breach " + reference + "."));
        return BreachView.of(breach, notices.progress(breach.id()));
    }

    /**
     * A breach as the DPO sees it: the Art 33(5) record (facts, effects, remedial action), the deadlines, the notices'
     * progress and the notice to the authority.
     */
    record BreachView(String reference, String description, Instant detectedAt, Instant occurredAt,
            List<String> affectedSources, List<String> affectedCategories, List<Jurisdiction> jurisdictions,
            String consequences, String measures, String subjectActions, String contact, Instant noticeDueAt,
            String noticeDueReason, Instant authorityDueAt, Notices notices, Breach.AuthorityNotice authorityNotice,
            String createdBy, Instant createdAt) {

        static BreachView of(Breach breach, BreachNoticeProgress.Progress progress) {
            return new BreachView(breach.reference(), breach.description(), breach.detectedAt(), breach.occurredAt(),
                    breach.affectedSources(), breach.affectedCategories(), breach.jurisdictions(),
                    breach.consequences(), breach.measures(), breach.subjectActions(), breach.contact(),
                    breach.noticeDueAt(), breach.noticeDueReason(), breach.authorityDueAt(),
                    new Notices(progress.recipients(), progress.sent(), progress.failed(), progress.pending(),
                            breach.recipientsFoundAt() != null, breach.noticesCompletedAt(),
                            breach.noticesCompletedAt() == null ? null
                                    : !breach.noticesCompletedAt().isAfter(breach.noticeDueAt())),
                    breach.authorityNotice(), breach.createdBy(), breach.createdAt());
        }
    }

    /**
     * @param recipientsFound whether everyone in the affected sources has been found (until then, more may come)
     * @param inTime          whether the last notice went out by the deadline; null while sending
     */
    record Notices(long recipients, long sent, long failed, long pending, boolean recipientsFound,
            Instant completedAt, Boolean inTime) {
    }
}
