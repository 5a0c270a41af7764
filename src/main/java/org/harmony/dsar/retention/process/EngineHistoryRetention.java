package org.harmony.dsar.retention.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.harmony.dsar.retention.RecordsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine keeps a request's history (ACT_HI_*) as long as the project keeps the request's records: once the
 * application is ready, every process and decision definition gets {@code dsar.records.retention} as its history
 * time to live (in days), except those listed in {@code dsar.records.own-history-time-to-live}. The engine's
 * history cleanup (in its batch window) then removes the history of instances that ended longer ago.
 */
@Component
class EngineHistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(EngineHistoryRetention.class);

    private final RepositoryService repository;
    private final RecordsProperties properties;
    private final Clock clock;

    EngineHistoryRetention(RepositoryService repository, RecordsProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void alignHistoryTimeToLive() {
        int days = properties.days(LocalDate.now(clock));
        int changed = 0;
        for (var definition : repository.createProcessDefinitionQuery().list()) {
            if (applies(definition.getKey()) && !Objects.equals(definition.getHistoryTimeToLive(), days)) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        for (var definition : repository.createDecisionDefinitionQuery().list()) {
            if (applies(definition.getKey()) && !Objects.equals(definition.getHistoryTimeToLive(), days)) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History time to live of {} definitions set to {} days (dsar.records.retention {})", changed,
                    days, properties.retention());
        }
    }

    private boolean applies(String key) {
        return !properties.ownHistoryTimeToLive().contains(key);
    }
}
