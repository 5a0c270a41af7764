package org.harmony.dsar.response;

import java.util.HashMap;
import java.util.Map;

import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the requester what happens to their request: renders a mail template with the request's facts
 * ({@link MailFacts}), what was done ({@link MailOutcomes}) and fresh links ({@link MailLinks}), and sends it once per
 * step. A denial, in whole or in part (records kept from an erasure), under a law that gives an appeal carries a
 * personal appeal link.
 */
@Service
public class RequesterNotifications {

    /** The mail that tells a requester their request was denied. */
    static final String DENIAL = "request-denied";

    private final RequestRepository requests;
    private final MailService mail;
    private final MailFacts facts;
    private final MailOutcomes outcomes;
    private final MailLinks links;

    RequesterNotifications(RequestRepository requests, MailService mail, MailFacts facts, MailOutcomes outcomes,
            MailLinks links) {
        this.requests = requests;
        this.mail = mail;
        this.facts = facts;
        this.outcomes = outcomes;
        this.links = links;
    }

    /**
     * @param idempotencyKey the step this mail belongs to; the same key is never mailed twice
     * @param extra          values beyond the request's own facts, for example a verification code
     */
    @Transactional
    public boolean notify(String requestId, String template, String idempotencyKey, Map<String, Object> extra) {
        DsarRequest request = requests.get(requestId);
        return send(request, request.email(), template, idempotencyKey, extra);
    }

    /**
     * Like {@link #notify}, but to whoever made the request: the agent when one acts for the subject (the model
     * then holds {@code agentName}), otherwise the subject.
     */
    @Transactional
    public boolean notifyRequester(String requestId, String template, String idempotencyKey,
            Map<String, Object> extra) {
        DsarRequest request = requests.get(requestId);
        String to = request.agent() == null ? request.email() : request.agent().email();
        return send(request, to, template, idempotencyKey, extra);
    }

    private boolean send(DsarRequest request, String to, String template, String idempotencyKey,
            Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        facts.addTo(model, request);
        boolean recordsKept = outcomes.addTo(model, request);
        links.addTo(model, request, DENIAL.equals(template) || recordsKept);
        return mail.send(new OutgoingMail(idempotencyKey, request.id(), to, template, request.language(), model));
    }
}
