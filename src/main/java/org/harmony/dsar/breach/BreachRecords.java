package org.harmony.dsar.breach;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.kernel.References;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.request.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record of a personal data breach: its facts, deadlines and the people named explicitly. */
@Service
public class BreachRecords {

    private static final Logger log = LoggerFactory.getLogger(BreachRecords.class);
    private static final String EXPLICIT_SOURCE = "explicit";

    private final BreachRepository breaches;
    private final BreachRecipients recipients;
    private final AffectedPeople affectedPeople;
    private final BreachDeadlines deadlines;
    private final BreachProperties properties;
    private final Clock clock;

    BreachRecords(BreachRepository breaches, BreachRecipients recipients, AffectedPeople affectedPeople,
            BreachDeadlines deadlines, BreachProperties properties, Clock clock) {
        this.breaches = breaches;
        this.recipients = recipients;
        this.affectedPeople = affectedPeople;
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the breach and adds the people named explicitly; its process starts in the same transaction.
     *
     * @throws ApiProblem 422 when the breach cannot be notified as described
     */
    @Transactional
    public Breach record(NewBreach body, String userId) {
        Instant now = clock.instant();
        if (body.detectedAt().isAfter(now.plusSeconds(60))) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "detected-in-future", "Detection in the future",
                    "detectedAt lies in the future.");
        }
        if (body.occurredAt() != null && body.occurredAt().isAfter(body.detectedAt())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "occurred-after-detection",
                    "Occurred after detection", "occurredAt lies after detectedAt.");
        }
        AffectedPeople.Scope scope = affectedPeople.scope(body.sources(), body.categories(), !body.subjects().isEmpty());
        List<Jurisdiction> jurisdictions = body.jurisdictions().isEmpty()
                ? List.of(Jurisdiction.ofCode(properties.promiseJurisdiction()))
                : body.jurisdictions().stream().distinct().toList();
        BreachDeadlines.Deadlines due = deadlines.of(body.detectedAt(), jurisdictions);
        Breach breach = new Breach(UUID.randomUUID().toString(), References.next("BREACH", 8),
                body.description().strip(), body.detectedAt(), body.occurredAt(), scope.sources(), scope.categories(),
                jurisdictions, body.consequences().strip(), body.measures().strip(), body.subjectActions().strip(),
                body.contact().strip(), due.noticeDueAt(), due.noticeDueReason(), due.authorityDueAt(), null, null,
                null, userId, now);
        breaches.insert(breach);
        recipients.addEach(breach.id(), EXPLICIT_SOURCE, body.subjects());
        log.info("Breach {} recorded by {}: sources {}, notices due {} ({}), authority due {}", breach.reference(),
                userId, scope.sources(), breach.noticeDueAt(), breach.noticeDueReason(), breach.authorityDueAt());
        return breach;
    }

    public Optional<Breach> findByReference(String reference) {
        return breaches.findByReference(reference);
    }
}
