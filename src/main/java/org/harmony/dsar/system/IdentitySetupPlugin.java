package org.harmony.dsar.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.harmony.dsar.kernel.process.ProcessVariable;
import org.harmony.dsar.request.process.DsarVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sets up, once and idempotently, the groups, their authorizations, the Tasklist filters and (where configured)
 * users. Runs when the engine is built, before it takes any job.
 */
@Component
class IdentitySetupPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetupPlugin.class);
    private static final String GROUP_TYPE_WORKFLOW = "WORKFLOW";
    /** Who starts which process from Tasklist (the processes' candidateStarterGroups). */
    private static final Map<String, String> STARTERS = Map.of(
            "DeadlineExtensionProcess", "complianceOfficers",
            "LogRequestProcess", "complianceOfficers",
            "BreachNotificationProcess", "dpo");

    /** Filter property naming the process variables Tasklist shows on each task of the list. */
    private static final String VARIABLES = "variables";
    /** What identifies a case in the task list: references and codes, never personal data. */
    private static final List<Map<String, String>> CASE_COLUMNS = List.of(
            column(DsarVariables.REQUEST_REFERENCE, "Reference"),
            column(DsarVariables.REQUEST_TYPE, "Request type"),
            column(DsarVariables.JURISDICTION, "Jurisdiction"),
            column(DsarVariables.DUE_AT, "Case due"),
            column(DsarVariables.CHANNEL, "Channel"));

    /** The processes whose user tasks belong to a DSAR case and carry its reference, type, jurisdiction and due. */
    private static final List<String> CASE_PROCESSES = List.of(DsarVariables.PROCESS_KEY,
            "IdentityVerificationProcess", "LegalHoldCheckProcess", "FulfilmentProcess", "AppealProcess");

    private final IdentityProperties properties;

    IdentitySetupPlugin(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        List<Filter> filters = taskFilters(engine.getFilterService(), engine.getTaskService());
        for (IdentityProperties.Group group : properties.groups()) {
            createGroup(identity, group);
            grant(authorizations, group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows process names and renders deployed Camunda Forms.
            grant(authorizations, group.id(), Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            grant(authorizations, group.id(), Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
            grant(authorizations, group.id(), Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
            // The task list shows each case's reference, type, jurisdiction and due date: process variables, which
            // hold references and decisions only (never personal data), read with these instances' permission.
            for (String process : CASE_PROCESSES) {
                grant(authorizations, group.id(), Resources.PROCESS_DEFINITION, process, Permissions.READ_INSTANCE);
            }
            for (Filter filter : filters) {
                grant(authorizations, group.id(), Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
        // Tasklist start forms: compliance officers ask for a deadline extension, the DPO records a breach.
        STARTERS.forEach((process, group) -> {
            grant(authorizations, group, Resources.PROCESS_DEFINITION, process, Permissions.CREATE_INSTANCE);
            grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        });
        for (IdentityProperties.User user : properties.users()) {
            createUser(identity, user);
        }
    }

    private static void createGroup(IdentityService identity, IdentityProperties.Group group) {
        if (identity.createGroupQuery().groupId(group.id()).count() > 0) {
            return;
        }
        Group created = identity.newGroup(group.id());
        created.setName(group.name());
        created.setType(GROUP_TYPE_WORKFLOW);
        identity.saveGroup(created);
        log.info("Created group {}", group.id());
    }

    private static void createUser(IdentityService identity, IdentityProperties.User user) {
        if (identity.createUserQuery().userId(user.id()).count() == 0) {
            User created = identity.newUser(user.id());
            created.setPassword(user.password());
            created.setFirstName(user.firstName());
            created.setLastName(user.lastName());
            created.setEmail(user.email());
            identity.saveUser(created);
            log.info("Created user {}", user.id());
        }
        for (String group : user.groups()) {
            if (identity.createUserQuery().userId(user.id()).memberOfGroup(group).count() == 0) {
                identity.createMembership(user.id(), group);
            }
        }
    }

    private static void grant(AuthorizationService authorizations, String groupId, Resource resource,
            String resourceId, Permission permission) {
        boolean granted = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).hasPermission(permission)
                .count() > 0;
        if (granted) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }

    /**
     * The ready-made Tasklist filters, all sorted by due date and showing each case's reference, type, jurisdiction
     * and due date, created once by name (filters created before the columns existed get them added).
     */
    private static List<Filter> taskFilters(FilterService filters, TaskService tasks) {
        return List.of(
                taskFilter(filters, "My group's DSAR tasks", -10, "Tasks for your groups and you, soonest due first",
                        groupTasks(tasks)),
                taskFilter(filters, "Due this week", -5, "Your groups' tasks due in the next 7 days",
                        groupTasks(tasks).dueBeforeExpression("${dateTime().plusWeeks(1)}")),
                taskFilter(filters, "Overdue", 0, "Your groups' tasks past their due date",
                        groupTasks(tasks).dueBeforeExpression("${now()}")));
    }

    private static Map<String, String> column(ProcessVariable<?> variable, String label) {
        return Map.of("name", variable.name(), "label", label);
    }

    private static TaskQuery groupTasks(TaskService tasks) {
        return tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc();
    }

    private static Filter taskFilter(FilterService filters, String name, int priority, String description,
            TaskQuery query) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (!existing.getProperties().containsKey(VARIABLES)) {
                Map<String, Object> properties = new HashMap<>(existing.getProperties());
                properties.put(VARIABLES, CASE_COLUMNS);
                filters.saveFilter(existing.setProperties(properties));
                log.info("Added the case columns to Tasklist filter '{}'", name);
            }
            return existing;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                        VARIABLES, CASE_COLUMNS, "showUndefinedVariable", false));
        filters.saveFilter(filter);
        log.info("Created Tasklist filter '{}'", name);
        return filter;
    }
}
