package org.harmony.dsar.operations.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Whether this node's job executor runs, and the cluster's job backlog: jobs due now and jobs out of retries (each
 * an incident in Cockpit). A node with job execution switched off reports UNKNOWN: it serves requests, others run
 * the jobs. Counts only, no ids.
 */
@Component("jobsHealthIndicator")
class JobsHealth extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final ManagementService management;
    private final boolean jobExecution;

    JobsHealth(ProcessEngine engine, ManagementService management,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecution) {
        super("Job executor check failed");
        this.engine = engine;
        this.management = management;
        this.jobExecution = jobExecution;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        if (!jobExecution || executor == null) {
            health.unknown().withDetail("jobExecution", "off on this node");
        } else if (executor.isActive()) {
            health.up().withDetail("jobExecution", "running");
        } else {
            health.down().withDetail("jobExecution", "stopped");
        }
        health.withDetail("dueJobs", management.createJobQuery().executable().count())
                .withDetail("jobsWithoutRetries", management.createJobQuery().noRetriesLeft().count());
    }
}
