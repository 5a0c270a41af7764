package org.harmony.dsar.response;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.deadline.DeadlineExtensions;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.fulfilment.FulfilmentOutcomes;
import org.harmony.dsar.fulfilment.RecipientNotices;
import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.harmony.dsar.fulfilment.SubjectErasure;
import org.harmony.dsar.legalhold.LegalGrounds;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RequestObjections;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.harmony.dsar.request.RequesterLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the requester what happens to their request: renders a mail template with the request's facts and
 * fresh links, and sends it once per step. A denial, in whole or in part (records kept from an erasure), under a law
 * that gives an appeal carries a personal appeal link that works for the appeal window ({@link Appeals}).
 */
@Service
public class RequesterNotifications {

    /** The mail that tells a requester their request was denied. */
    static final String DENIAL = "request-denied";

    private final RequestRepository requests;
    private final MailService mail;
    private final RequesterLinks links;
    private final AccessPackages packages;
    private final FulfilmentOutcomes outcomes;
    private final DeadlineExtensions extensions;
    private final SubjectErasure erasure;
    private final DataSourceCatalogue catalogue;
    private final Appeals appeals;
    private final RecipientNotices recipientNotices;
    private final RequestObjections objections;
    private final RestrictionLifts lifts;
    private final Clock clock;
    private final ReviewFees fees;
    private final PortabilityTransmissions transmissions;

    RequesterNotifications(RequestRepository requests, MailService mail, RequesterLinks links,
            AccessPackages packages, FulfilmentOutcomes outcomes, DeadlineExtensions extensions,
            SubjectErasure erasure, DataSourceCatalogue catalogue, Appeals appeals, RecipientNotices recipientNotices,
            RequestObjections objections, RestrictionLifts lifts, Clock clock, ReviewFees fees,
            PortabilityTransmissions transmissions) {
        this.transmissions = transmissions;
        this.fees = fees;
        this.objections = objections;
        this.lifts = lifts;
        this.requests = requests;
        this.mail = mail;
        this.links = links;
        this.packages = packages;
        this.outcomes = outcomes;
        this.extensions = extensions;
        this.erasure = erasure;
        this.catalogue = catalogue;
        this.appeals = appeals;
        this.recipientNotices = recipientNotices;
        this.clock = clock;
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
     * The approved response: releases the package (its download period starts now) and mails the response with its
     * link, in one transaction. Nothing is downloadable before this step runs. A portability request with a destination
     * the officer approved is sent there too, and the requester told the outcome ({@link PortabilityTransmissions}).
     */
    @Transactional
    public boolean sendResponse(String requestId, String template, String idempotencyKey) {
        packages.release(requestId);
        boolean sent = notify(requestId, template, idempotencyKey, Map.of());
        transmissions.transmit(requests.get(requestId), idempotencyKey + ":transmission").ifPresent(outcome ->
                notify(requestId, outcome.template(), idempotencyKey + ":transmission-outcome", outcome.model()));
        return sent;
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
        String requestId = request.id();
        Map<String, Object> model = new HashMap<>(extra);
        model.put("reference", request.reference());
        model.put("fullName", request.fullName());
        model.put("requestType", requestTypeName(request));
        model.put("law", request.jurisdiction().law());
        model.put("jurisdiction", request.jurisdiction().code());
        model.put("receivedDate", format(request.receivedAt().atZone(request.jurisdiction().zone()), request));
        model.put("dueDate", request.dueAt() == null ? null
                : format(request.dueAt().atZone(request.jurisdiction().zone()), request));
        model.put("changes", outcomes.lines(requestId));
        model.put("fee", fees.model(requestId));
        boolean recipientsRequested = requests.recipientsRequested(requestId);
        model.put("recipientsRequested", recipientsRequested);
        model.put("recipients", recipientsRequested ? recipientNotices.recipients(requestId) : List.of());
        model.put("categoriesOnly", request.accessScope() == AccessScope.CATEGORIES);
        List<Kept> kept = kept(request);
        model.put("kept", kept.stream().map(Kept::asModel).toList());
        model.put("objection", objection(request));
        lifts.notice(request).ifPresent(notice -> {
            notice.put("notBefore", format(((Instant) notice.get("notBefore")).atZone(request.jurisdiction().zone()),
                    request));
            model.put("restrictionLift", notice);
        });
        extensions.latest(requestId).ifPresent(extension -> {
            model.put("previousDueDate", format(extension.previousDueAt().atZone(request.jurisdiction().zone()), request));
            model.put("extensionReason", extension.reasonCode());
            model.put("extensionExplanation", extension.explanation());
        });
        String token = links.issueToken(requestId);
        model.put("statusUrl", links.statusUrl(request.reference(), token));
        model.put("identityUrl", links.identityUrl(request.reference(), token));
        model.put("verifyPageUrl", links.verifyPageUrl(request.reference()));
        if (request.agent() != null) {
            model.put("agentName", request.agent().name());
        }
        model.putAll(appeals.mailModel(request));
        if (DENIAL.equals(template) || !kept.isEmpty()) {
            appeals.offer(request).ifPresent(until -> {
                model.put("appealUrl", links.appealUrl(request.reference(), links.issueToken(requestId, until)));
                model.put("appealUntil", format(until.atZone(request.jurisdiction().zone()), request));
            });
        }
        packages.latest(requestId).filter(latest -> latest.isDownloadable(clock.instant())).ifPresent(latest -> {
            model.put("packageUrl", links.packageUrl(request.reference(), token));
            model.put("packageExpiryDate", format(latest.expiresAt().atZone(request.jurisdiction().zone()), request));
        });
        return mail.send(new OutgoingMail(idempotencyKey, requestId, to, template, request.language(),
                model));
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

    /** A source where an erasure kept records: how many, and the ground, in the requester's language. */
    public record Kept(String source, int records, String reasonCode, String ground, boolean legalHold) {
        /** As the templates read it. */
        Map<String, Object> asModel() {
            return Map.of("source", source, "records", records, "reasonCode", reasonCode, "ground", ground,
                    "legalHold", legalHold);
        }
    }

    /** What the erasure kept, per source and ground (the evidence), for the "what we kept and why" section. */
    List<Kept> kept(DsarRequest request) {
        Map<String, Kept> bySourceAndGround = new LinkedHashMap<>();
        for (SubjectErasure.Evidence item : erasure.evidence(request.id())) {
            if (item.rowsKept() == 0) {
                continue;
            }
            String key = item.sourceName() + "|" + item.keptReason();
            Kept earlier = bySourceAndGround.get(key);
            String title = catalogue.find(item.sourceName()).map(Source::title).orElse(item.sourceName());
            bySourceAndGround.put(key, new Kept(title, item.rowsKept() + (earlier == null ? 0 : earlier.records()),
                    item.keptReason(), LegalGrounds.describe(item.keptReason(), request.language()),
                    item.legalHoldId() != null || (earlier != null && earlier.legalHold())));
        }
        return new ArrayList<>(bySourceAndGround.values());
    }

    /** The request type in the requester's language, from {@code mail/request-types*.properties}. */
    private static String requestTypeName(DsarRequest request) {
        try {
            return ResourceBundle.getBundle("mail.request-types", request.language(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(request.type().name());
        } catch (MissingResourceException e) {
            return request.type().description();
        }
    }

    private static String format(ZonedDateTime at, DsarRequest request) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(request.language()).format(at);
    }
}
