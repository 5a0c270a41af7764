package org.harmony.dsar.intake;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.request.RequestConsents;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestObjections;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.springframework.stereotype.Component;

/**
 * What a requester chose with the request beyond its type: the consents withdrawn, the processing objected to, the
 * recipients to be named, the controller to transmit the data to.
 */
@Component
class RequesterChoices {

    private final RequestConsents consents;
    private final RequestObjections objections;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final KeyedHash hash;

    RequesterChoices(RequestConsents consents, RequestObjections objections, RequestRepository requests,
            RequestEvents events, KeyedHash hash) {
        this.consents = consents;
        this.objections = objections;
        this.requests = requests;
        this.events = events;
        this.hash = hash;
    }

    void record(String requestId, NewRequest body) {
        if (body.type() == RequestType.WITHDRAW_CONSENT && body.consents() != null) {
            consents.name(requestId, body.consents(), RequestConsents.NamedBy.REQUESTER);
        }
        if (body.type() == RequestType.OBJECTION && body.objectsTo() != null) {
            objections.record(requestId, body.objectsTo());
        }
        if (Boolean.TRUE.equals(body.nameRecipients())) {
            requests.markRecipientsRequested(requestId);
        }
        if (body.transmitTo() != null && !body.transmitTo().isBlank()) {
            requests.recordTransmitTo(requestId, body.transmitTo(), hash);
            events.record(requestId, "TRANSMISSION_REQUESTED", "destination given (GDPR Art 20(2))");
        }
    }
}
