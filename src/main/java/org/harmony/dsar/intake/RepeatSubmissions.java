package org.harmony.dsar.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.harmony.dsar.deadline.DeadlineService;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RepeatedRequests;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A submission identical to a request still awaiting its identity check is that case again. */
@Component
class RepeatSubmissions {

    private static final Logger log = LoggerFactory.getLogger(RepeatSubmissions.class);

    private final RepeatedRequests repeats;
    private final RequestRepository requests;
    private final DeadlineService deadlines;
    private final RequestEvents events;
    private final Clock clock;

    RepeatSubmissions(RepeatedRequests repeats, RequestRepository requests, DeadlineService deadlines,
            RequestEvents events, Clock clock) {
        this.repeats = repeats;
        this.requests = requests;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The answer to a repeat of an open case, empty when the submission is new: no new case, no mail, and an answer
     * shaped like any acceptance, with a fresh reference and the due date a new request would get. The open
     * request's reference reaches only its requester's mailbox.
     */
    Optional<DsarRequest> answer(NewRequest body) {
        return repeats.sameCase(body.email(), body.type(), body.jurisdiction()).map(id -> answerRepeat(requests.get(id)));
    }

    private DsarRequest answerRepeat(DsarRequest open) {
        Instant now = clock.instant();
        RepeatedRequests.RepeatAnswer answer = new RepeatedRequests.RepeatAnswer(IntakeService.newReference(),
                open.id(), deadlines.dueIfReceivedAt(open.jurisdiction(), open.type(), now));
        repeats.recordAnswer(answer);
        events.record(open.id(), "REPEATED_SUBMISSION", "channel=API");
        log.info("Request identical to the unverified {} received: no new case, no mail", open.reference());
        return new DsarRequest(null, answer.reference(), open.type(), open.jurisdiction(), null, null, null, null,
                null, open.language(), RequestStage.RECEIVED, now, answer.dueAt(), null, null, AccessScope.FULL);
    }
}
