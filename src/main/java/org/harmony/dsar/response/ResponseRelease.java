package org.harmony.dsar.response;

import java.util.Map;

import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.request.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approved response: releases the package (its download period starts now) and mails the response with its
 * link, in one transaction. Nothing is downloadable before this step runs. A portability request with a destination
 * the officer approved is sent there too, and the requester told the outcome ({@link PortabilityTransmissions}).
 */
@Service
public class ResponseRelease {

    private final AccessPackages packages;
    private final RequesterNotifications notifications;
    private final PortabilityTransmissions transmissions;
    private final RequestRepository requests;

    ResponseRelease(AccessPackages packages, RequesterNotifications notifications,
            PortabilityTransmissions transmissions, RequestRepository requests) {
        this.packages = packages;
        this.notifications = notifications;
        this.transmissions = transmissions;
        this.requests = requests;
    }

    @Transactional
    public boolean send(String requestId, String template, String idempotencyKey) {
        packages.release(requestId);
        boolean sent = notifications.notify(requestId, template, idempotencyKey, Map.of());
        transmissions.transmit(requests.get(requestId), idempotencyKey + ":transmission").ifPresent(outcome ->
                notifications.notify(requestId, outcome.template(), idempotencyKey + ":transmission-outcome",
                        outcome.model()));
        return sent;
    }
}
