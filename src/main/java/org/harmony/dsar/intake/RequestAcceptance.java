package org.harmony.dsar.intake;

import org.harmony.dsar.intake.process.DsarProcessStart;
import org.harmony.dsar.operations.RequestMetrics;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RepeatedRequests;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stores an accepted request, links the open requests it repeats, and starts its process. */
@Component
class RequestAcceptance {

    private static final Logger log = LoggerFactory.getLogger(RequestAcceptance.class);

    private final RequestRepository requests;
    private final RepeatedRequests repeats;
    private final RequestEvents events;
    private final RequestMetrics metrics;
    private final DsarProcessStart process;

    RequestAcceptance(RequestRepository requests, RepeatedRequests repeats, RequestEvents events,
            RequestMetrics metrics, DsarProcessStart process) {
        this.requests = requests;
        this.repeats = repeats;
        this.events = events;
        this.metrics = metrics;
        this.process = process;
    }

    /** @param note added to the RECEIVED event, e.g. how it came */
    DsarRequest accept(DsarRequest request, Channel channel, String note) {
        requests.insert(request, channel);
        int linked = repeats.link(request);
        events.record(request.id(), "RECEIVED", "type=" + request.type() + " jurisdiction="
                + request.jurisdiction().code() + " channel=" + channel + note
                + (linked == 0 ? "" : " linkedOpenRequests=" + linked));
        metrics.received(request.id());
        String instanceId = process.start(request, channel);
        requests.attachProcessInstance(request.id(), instanceId);
        log.info("Request {} received by {}: type {}, jurisdiction {}, process instance {}",
                request.reference(), channel, request.type(), request.jurisdiction().code(), instanceId);
        return requests.get(request.id());
    }
}
