package org.harmony.dsar.response;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.fulfilment.FulfilmentOutcomes;
import org.harmony.dsar.fulfilment.RecipientNotices;
import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RequestObjections;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.springframework.stereotype.Component;

/**
 * What requester mails say was done: the changes, the recipients told, the records kept, how an objection ended,
 * the lift of a restriction.
 */
@Component
class MailOutcomes {

    private final FulfilmentOutcomes outcomes;
    private final RequestRepository requests;
    private final RecipientNotices recipientNotices;
    private final KeptRecords keptRecords;
    private final RequestObjections objections;
    private final RestrictionLifts lifts;

    MailOutcomes(FulfilmentOutcomes outcomes, RequestRepository requests, RecipientNotices recipientNotices,
            KeptRecords keptRecords, RequestObjections objections, RestrictionLifts lifts) {
        this.outcomes = outcomes;
        this.requests = requests;
        this.recipientNotices = recipientNotices;
        this.keptRecords = keptRecords;
        this.objections = objections;
        this.lifts = lifts;
    }

    /** @return whether the erasure kept any records */
    boolean addTo(Map<String, Object> model, DsarRequest request) {
        String requestId = request.id();
        model.put("changes", outcomes.lines(requestId));
        boolean recipientsRequested = requests.recipientsRequested(requestId);
        model.put("recipientsRequested", recipientsRequested);
        model.put("recipients", recipientsRequested ? recipientNotices.recipients(requestId) : List.of());
        model.put("categoriesOnly", request.accessScope() == AccessScope.CATEGORIES);
        List<KeptRecords.Kept> kept = keptRecords.of(request);
        model.put("kept", kept.stream().map(KeptRecords.Kept::asModel).toList());
        model.put("objection", objection(request));
        lifts.notice(request).ifPresent(notice -> {
            notice.put("notBefore", MailFacts.date((Instant) notice.get("notBefore"), request));
            model.put("restrictionLift", notice);
        });
        return !kept.isEmpty();
    }

    /**
     * How an objection ended, for the response: DIRECT_MARKETING (stopped, absolute), STOP_PROCESSING, or
     * CONTINUE_PROCESSING with the company's grounds; null for other requests and before a decision.
     */
    private Map<String, Object> objection(DsarRequest request) {
        if (request.type() != RequestType.OBJECTION) {
            return null;
        }
        return objections.find(request.id())
                .map(o -> o.decision() != null ? o.decision().name()
                        : o.objectsTo() == ObjectionScope.DIRECT_MARKETING ? "DIRECT_MARKETING" : null)
                .<Map<String, Object>>map(outcome -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("outcome", outcome);
                    model.put("grounds", objections.of(request.id()).compellingGrounds());
                    return model;
                })
                .orElse(null);
    }
}
