package org.harmony.dsar.response;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.harmony.dsar.deadline.DeadlineExtensions;
import org.harmony.dsar.request.DsarRequest;
import org.springframework.stereotype.Component;

/** What every requester mail says about the request: its reference, type, law, dates, fee, extension and agent. */
@Component
class MailFacts {

    private final DeadlineExtensions extensions;
    private final ReviewFees fees;

    MailFacts(DeadlineExtensions extensions, ReviewFees fees) {
        this.extensions = extensions;
        this.fees = fees;
    }

    void addTo(Map<String, Object> model, DsarRequest request) {
        model.put("reference", request.reference());
        model.put("fullName", request.fullName());
        model.put("requestType", requestTypeName(request));
        model.put("law", request.jurisdiction().law());
        model.put("jurisdiction", request.jurisdiction().code());
        model.put("receivedDate", date(request.receivedAt(), request));
        model.put("dueDate", request.dueAt() == null ? null : date(request.dueAt(), request));
        model.put("fee", fees.model(request.id()));
        extensions.latest(request.id()).ifPresent(extension -> {
            model.put("previousDueDate", date(extension.previousDueAt(), request));
            model.put("extensionReason", extension.reasonCode());
            model.put("extensionExplanation", extension.explanation());
        });
        if (request.agent() != null) {
            model.put("agentName", request.agent().name());
        }
    }

    /** The day of {@code at} in the request's jurisdiction, written out in the requester's language. */
    static String date(Instant at, DsarRequest request) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(request.language())
                .format(at.atZone(request.jurisdiction().zone()));
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
}
