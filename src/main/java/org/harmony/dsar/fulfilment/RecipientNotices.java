package org.harmony.dsar.fulfilment;

import java.util.HashMap;
import java.util.Map;

import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestEvents;
import org.harmony.dsar.intake.RequestRepository;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.DataSourceCatalogue.Recipient;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the recipients of erased data about the erasure (GDPR Art 19): one mail per source and recipient with an
 * email address, for every source where rows were erased; each mail once, however often the job runs.
 */
@Service
public class RecipientNotices {

    private final DataSourceCatalogue catalogue;
    private final SubjectErasure erasure;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final MailService mail;
    private final FulfilmentProperties properties;

    RecipientNotices(DataSourceCatalogue catalogue, SubjectErasure erasure, RequestRepository requests,
            RequestEvents events, MailService mail, FulfilmentProperties properties) {
        this.catalogue = catalogue;
        this.erasure = erasure;
        this.requests = requests;
        this.events = events;
        this.mail = mail;
        this.properties = properties;
    }

    /** Sends the notices; returns how many recipients were told now. */
    @Transactional
    public int notifyErasure(String requestId) {
        DsarRequest request = requests.get(requestId);
        Map<String, Integer> erasedBySource = new HashMap<>();
        erasure.evidence(requestId).forEach(e -> erasedBySource.merge(e.sourceName(), e.rowsErased(), Integer::sum));
        int told = 0;
        for (Source source : catalogue.sources()) {
            if (erasedBySource.getOrDefault(source.name(), 0) == 0) {
                continue;
            }
            for (Recipient recipient : source.recipients()) {
                if (recipient.email() == null || recipient.email().isBlank()) {
                    continue;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("reference", request.reference());
                model.put("recipientName", recipient.name());
                model.put("sourceTitle", source.title());
                model.put("subjectEmail", request.email());
                model.put("company", properties.companyName());
                model.put("contact", properties.contact());
                boolean sent = mail.send(new OutgoingMail(requestId + ":erasure-notice:" + source.name() + ":"
                        + recipient.email(), requestId, recipient.email(), "recipient-erasure-notice",
                        request.language(), model));
                told += sent ? 1 : 0;
            }
        }
        events.record(requestId, "RECIPIENTS_NOTIFIED", "recipients=" + told);
        return told;
    }
}
