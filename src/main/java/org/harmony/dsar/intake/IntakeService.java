package org.harmony.dsar.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.harmony.dsar.deadline.DeadlineService;
import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.kernel.References;
import org.harmony.dsar.kernel.web.ApiProperties;
import org.harmony.dsar.kernel.web.RateLimited;
import org.harmony.dsar.operations.RequestMetrics;
import org.harmony.dsar.request.process.DsarVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RepeatedRequests;
import org.harmony.dsar.request.RequestConsents;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestObjections;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.RequestType;

/**
 * Accepts a request: stores it and starts its process in one transaction, so that an accepted request is
 * never lost and a rejected one never starts a process. No address gets more than
 * {@code dsar.api.rate-limit.per-recipient-per-day} requests (and their mails) in 24 hours; a request identical to
 * one still awaiting its identity check is that case again ({@link RepeatedRequests}).
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final RequestRepository requests;
    private final RequestEvents events;
    private final RepeatedRequests repeats;
    private final DeadlineService deadlines;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Clock clock;
    private final RequestMetrics metrics;
    private final RequestConsents consents;
    private final RequestObjections objections;
    private final int perRecipientPerDay;
    private final KeyedHash hash;

    IntakeService(RequestRepository requests, RequestEvents events, RuntimeService runtime, ObjectMapper json,
            Clock clock, ApiProperties api, RequestMetrics metrics, RepeatedRequests repeats, DeadlineService deadlines,
            RequestConsents consents, RequestObjections objections, KeyedHash hash) {
        this.hash = hash;
        this.deadlines = deadlines;
        this.consents = consents;
        this.objections = objections;
        this.metrics = metrics;
        this.repeats = repeats;
        this.perRecipientPerDay = api.rateLimit().perRecipientPerDay();
        this.requests = requests;
        this.events = events;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public DsarRequest submit(NewRequest body) {
        Optional<String> sameCase = repeats.sameCase(body.email(), body.type(), body.jurisdiction());
        if (sameCase.isPresent()) {
            return answerRepeat(requests.get(sameCase.get()));
        }
        checkRecipientCap(body.email());
        if (body.agent() != null) {
            checkRecipientCap(body.agent().email());
        }
        DsarRequest.Agent agent = body.agent() == null ? null
                : new DsarRequest.Agent(body.agent().name(), body.agent().email(), body.agent().relationship());
        DsarRequest request = new DsarRequest(
                UUID.randomUUID().toString(),
                newReference(),
                body.type(),
                body.jurisdiction(),
                body.email().strip(),
                body.fullName().strip(),
                body.details(),
                toJson(body.dataPoints()),
                agent,
                body.language() == null ? Locale.ENGLISH : Locale.forLanguageTag(body.language()),
                RequestStage.RECEIVED,
                clock.instant(),
                null, null, null, AccessScope.FULL);
        DsarRequest started = start(request, Channel.API, agent == null ? "" : " via agent");
        if (body.type() == RequestType.WITHDRAW_CONSENT && body.consents() != null) {
            consents.name(started.id(), body.consents(), RequestConsents.NamedBy.REQUESTER);
        }
        if (body.type() == RequestType.OBJECTION && body.objectsTo() != null) {
            objections.record(started.id(), body.objectsTo());
        }
        if (Boolean.TRUE.equals(body.nameRecipients())) {
            requests.markRecipientsRequested(started.id());
        }
        if (body.transmitTo() != null && !body.transmitTo().isBlank()) {
            requests.recordTransmitTo(started.id(), body.transmitTo(), hash);
            events.record(started.id(), "TRANSMISSION_REQUESTED", "destination given (GDPR Art 20(2))");
        }
        return started;
    }

    /**
     * An identical submission while the first awaits its identity check: no new case, no mail, and an answer shaped
     * like any acceptance, with a fresh reference and the due date a new request would get. The open request's
     * reference reaches only its requester's mailbox.
     */
    private DsarRequest answerRepeat(DsarRequest open) {
        Instant now = clock.instant();
        RepeatedRequests.RepeatAnswer answer = new RepeatedRequests.RepeatAnswer(newReference(), open.id(),
                deadlines.dueIfReceivedAt(open.jurisdiction(), open.type(), now));
        repeats.recordAnswer(answer);
        events.record(open.id(), "REPEATED_SUBMISSION", "channel=API");
        log.info("Request identical to the unverified {} received: no new case, no mail", open.reference());
        return new DsarRequest(null, answer.reference(), open.type(), open.jurisdiction(), null, null, null, null,
                null, open.language(), RequestStage.RECEIVED, now, answer.dueAt(), null, null, AccessScope.FULL);
    }

    /**
     * Registers a request that staff recorded from another channel (a triaged mail, a letter, a call) and starts its
     * process; the legal clock starts at {@code receivedAt}.
     */
    @Transactional
    public DsarRequest register(ReceivedRequest received) {
        DsarRequest request = new DsarRequest(
                UUID.randomUUID().toString(),
                newReference(),
                received.type(),
                received.jurisdiction(),
                received.email() == null ? null : received.email().strip(),
                received.fullName().strip(),
                received.details(),
                null,
                null,
                received.language() == null ? Locale.ENGLISH : received.language(),
                RequestStage.RECEIVED,
                received.receivedAt(),
                null, null, null, AccessScope.FULL);
        return start(request, received.channel(), "");
    }

    private DsarRequest start(DsarRequest request, Channel channel, String note) {
        requests.insert(request, channel);
        int linked = repeats.link(request);
        events.record(request.id(), "RECEIVED", "type=" + request.type() + " jurisdiction="
                + request.jurisdiction().code() + " channel=" + channel + note
                + (linked == 0 ? "" : " linkedOpenRequests=" + linked));
        metrics.received(request.id());

        Map<String, Object> variables = new HashMap<>();
        DsarVariables.REQUEST_ID.into(variables, request.id());
        DsarVariables.REQUEST_REFERENCE.into(variables, request.reference());
        DsarVariables.REQUEST_TYPE.into(variables, request.type().name());
        DsarVariables.JURISDICTION.into(variables, request.jurisdiction().code());
        DsarVariables.CHANNEL.into(variables, channel.name());
        DsarVariables.REQUESTER_EMAIL_GIVEN.into(variables, request.email() != null);
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                DsarVariables.PROCESS_KEY, request.reference(), variables);
        requests.attachProcessInstance(request.id(), instance.getId());
        log.info("Request {} received by {}: type {}, jurisdiction {}, process instance {}",
                request.reference(), channel, request.type(), request.jurisdiction().code(), instance.getId());
        return requests.get(request.id());
    }

    /**
     * Refuses a request for an address that had its share of requests in the last 24 hours, with the answer of the
     * per-client rate limit. Concurrent requests for one address on several nodes may each see the count below the
     * cap; the cap may then be passed by those few.
     */
    private void checkRecipientCap(String address) {
        Instant now = clock.instant();
        Duration day = Duration.ofDays(1);
        RequestRepository.RecentRequests recent = requests.recentFor(address, now.minus(day));
        if (recent.count() >= perRecipientPerDay) {
            log.info("Request refused: the per-recipient cap of {} a day is reached", perRecipientPerDay);
            throw new RateLimited(recent.oldest() == null ? day : Duration.between(now, recent.oldest().plus(day)));
        }
    }

    private static String newReference() {
        return References.next("DSAR", 5, 5);
    }

    private String toJson(Map<String, String> dataPoints) {
        if (dataPoints == null || dataPoints.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(dataPoints);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Data points could not be written as JSON", e);
        }
    }
}
