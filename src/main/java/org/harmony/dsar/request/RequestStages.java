package org.harmony.dsar.request;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Moves a request to the stage its process has reached, and records the move for audit. */
@Service
public class RequestStages {

    private static final Logger log = LoggerFactory.getLogger(RequestStages.class);

    private final RequestRepository requests;
    private final RequestEvents events;
    private final Clock clock;

    RequestStages(RequestRepository requests, RequestEvents events, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    public void enter(String requestId, RequestStage stage) {
        requests.updateStage(requestId, stage, clock.instant());
        events.record(requestId, "STAGE_" + stage.name(), null);
        log.debug("Request {} entered stage {}", requestId, stage);
    }
}
