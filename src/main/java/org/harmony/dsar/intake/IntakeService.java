package org.harmony.dsar.intake;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.kernel.References;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a request: stores it and starts its process in one transaction, so that an accepted request is
 * never lost and a rejected one never starts a process. No address gets more than
 * {@code dsar.api.rate-limit.per-recipient-per-day} requests (and their mails) in 24 hours ({@link RecipientCap}); a
 * request identical to one still awaiting its identity check is that case again ({@link RepeatSubmissions}).
 */
@Service
public class IntakeService {

    private final RepeatSubmissions repeats;
    private final RecipientCap cap;
    private final RequestAcceptance acceptance;
    private final RequesterChoices choices;
    private final ObjectMapper json;
    private final Clock clock;

    IntakeService(RepeatSubmissions repeats, RecipientCap cap, RequestAcceptance acceptance, RequesterChoices choices,
            ObjectMapper json, Clock clock) {
        this.repeats = repeats;
        this.cap = cap;
        this.acceptance = acceptance;
        this.choices = choices;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public DsarRequest submit(NewRequest body) {
        Optional<DsarRequest> repeat = repeats.answer(body);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        cap.check(body.email());
        if (body.agent() != null) {
            cap.check(body.agent().email());
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
        DsarRequest started = acceptance.accept(request, Channel.API, agent == null ? "" : " via agent");
        choices.record(started.id(), body);
        return started;
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
        return acceptance.accept(request, received.channel(), "");
    }

    static String newReference() {
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
