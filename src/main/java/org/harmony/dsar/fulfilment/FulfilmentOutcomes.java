package org.harmony.dsar.fulfilment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What fulfilment changed, in words for the requester's response mail ("Erased: Web enquiries, 2 records").
 * Names sources and counts only.
 */
@Component
public class FulfilmentOutcomes {

    private final JdbcClient jdbc;
    private final Clock clock;

    FulfilmentOutcomes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String requestId, String summary) {
        jdbc.sql("DELETE FROM fulfilment_outcome WHERE request_id = :requestId").param("requestId", requestId).update();
        jdbc.sql("INSERT INTO fulfilment_outcome (request_id, summary, recorded_at) VALUES (:requestId, :summary, :at)")
                .param("requestId", requestId)
                .param("summary", summary)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Adds a line to the outcome, once however often it is added. */
    void append(String requestId, String line) {
        List<String> lines = new ArrayList<>(lines(requestId));
        if (!lines.contains(line)) {
            lines.add(line);
            record(requestId, String.join("\n", lines));
        }
    }

    /** The lines of the outcome, empty when fulfilment recorded none. */
    public List<String> lines(String requestId) {
        return jdbc.sql("SELECT summary FROM fulfilment_outcome WHERE request_id = :requestId")
                .param("requestId", requestId).query(String.class).optional()
                .map(summary -> List.of(summary.split("\n"))).orElse(List.of());
    }
}
