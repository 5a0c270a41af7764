package org.harmony.dsar.system.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.harmony.dsar.kernel.process.ProcessStartGuard;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a task completion that carries a variable which is no field of the task's form ({@link
 * TaskFormRules#unknownFields}), and likewise setting or deleting such a variable of a task
 * ({@code .../task/{id}/variables} and {@code localVariables}), then checks a completion against every {@link TaskCompletionGuard} (the task's Camunda Form rules, the review
 * rules), and a process start from a form against every {@link ProcessStartGuard} (the deadline extension's
 * request), before the engine runs it, and answers a refusal with 400 problem+json giving the reasons (with a
 * {@code message} member, which Tasklist shows). Covers the REST
 * API ({@code POST /engine-rest/task/{id}/complete} or {@code submit-form}, after its HTTP Basic authentication)
 * and Tasklist ({@code /camunda/api/engine/engine/{engine}/task/{id}/submit-form}, as the user logged in to the
 * webapps); {@link SubmissionUrls} recognises them. Runs as the calling user; anything it cannot judge (no login, no
 * such task, no form, no permission) goes on to the engine, which answers it.
 */
public class SubmissionGuardFilter extends OncePerRequestFilter {

    private static final int MAX_BODY_BYTES = 1_048_576;

    private final TaskFormRules taskForms;
    private final List<TaskCompletionGuard> completionGuards;
    private final List<ProcessStartGuard> startGuards;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final ObjectMapper json;

    public SubmissionGuardFilter(TaskFormRules taskForms, List<TaskCompletionGuard> completionGuards,
            List<ProcessStartGuard> startGuards, TaskService tasks, RepositoryService repository,
            IdentityService identity, ObjectMapper json) {
        this.taskForms = taskForms;
        this.completionGuards = List.copyOf(completionGuards);
        this.startGuards = List.copyOf(startGuards);
        this.tasks = tasks;
        this.repository = repository;
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SubmissionUrls.recognise(request.getMethod(), request.getRequestURI()).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Submission submission = SubmissionUrls.recognise(request.getMethod(), request.getRequestURI()).orElseThrow();
        Check check = check(submission);
        String webappEngine = submission.webappEngine();
        if (webappEngine == null) {
            validate(request, response, chain, check);
            return;
        }
        UserAuthentication user = WebappUsers.of(request, webappEngine);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
        try {
            validate(request, response, chain, check);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Check check(Submission submission) {
        if (submission instanceof Submission.TaskCompletion completion) {
            return (body, userId) -> completionRefusals(completion.taskId(), submitted(body), userId);
        }
        if (submission instanceof Submission.TaskVariables variables) {
            return (body, userId) -> variableRefusals(variables.taskId(),
                    variables.variableName() != null ? Set.of(variables.variableName()) : changedNames(body));
        }
        Submission.ProcessStart start = (Submission.ProcessStart) submission;
        return (body, userId) -> startRefusals(start.processKey(), start.definitionId(), submitted(body));
    }

    /** The refusals for a submission; may throw when the engine cannot judge it (then the engine answers). */
    private interface Check {
        List<String> refusals(byte[] body, String userId) throws IOException;
    }

    /** The {@code variables} of a completion or start. */
    private JsonNode submitted(byte[] body) throws IOException {
        return body.length == 0 ? json.createObjectNode() : json.readTree(body).path("variables");
    }

    /** The names a {@code POST .../variables} sets ({@code modifications}) or deletes ({@code deletions}). */
    private Set<String> changedNames(byte[] body) throws IOException {
        JsonNode root = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        Set<String> names = new LinkedHashSet<>();
        root.path("modifications").fieldNames().forEachRemaining(names::add);
        root.path("deletions").forEach(name -> names.add(name.asText()));
        return names;
    }

    /**
     * A task's variables changed outside a completion are held to the same rule: only the fields of its form, so
     * that {@code requestType} cannot be set first and the task completed empty afterwards.
     */
    private List<String> variableRefusals(String taskId, Set<String> names) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return List.of();
        }
        return taskForms.unknownFields(task, names).map(List::of).orElse(List.of());
    }

    private List<String> completionRefusals(String taskId, JsonNode submitted, String userId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        submitted.fieldNames().forEachRemaining(names::add);
        Optional<String> unknown = taskForms.unknownFields(task, names);
        if (unknown.isPresent()) {
            return List.of(unknown.get());
        }
        // What the submission does not carry is read from the task's scope, all at once and only when a guard asks:
        // one engine command instead of one (with its authorization check) per form field.
        AtomicReference<Map<String, Object>> stored = new AtomicReference<>();
        Function<String, Object> values = key -> submitted.has(key)
                ? plain(submitted.path(key).path("value"))
                : stored.updateAndGet(read -> read != null ? read : tasks.getVariables(taskId)).get(key);
        List<String> refusals = new ArrayList<>();
        for (TaskCompletionGuard guard : completionGuards) {
            guard.refusal(task, values, userId).ifPresent(refusals::add);
        }
        return refusals;
    }

    private List<String> startRefusals(String key, String definitionId, JsonNode submitted) {
        String processKey = key != null ? key : repository.getProcessDefinition(definitionId).getKey();
        Function<String, Object> values = name -> plain(submitted.path(name).path("value"));
        List<String> refusals = new ArrayList<>();
        for (ProcessStartGuard guard : startGuards) {
            guard.refusal(processKey, values).ifPresent(refusals::add);
        }
        return refusals;
    }

    private void validate(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Check check)
            throws ServletException, IOException {
        // A larger body is not JSON this filter can judge (it is replayed whole); a variable named in the path is.
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        HttpServletRequest replay = new ReplayedBody(request, body);
        List<String> refusals;
        try {
            Authentication current = identity.getCurrentAuthentication();
            refusals = check.refusals(body, current == null ? null : current.getUserId());
        } catch (ProcessEngineException | IOException e) {
            chain.doFilter(replay, response);
            return;
        }
        if (refusals.isEmpty()) {
            chain.doFilter(replay, response);
            return;
        }
        String detail = String.join(" ", refusals);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:dsar:problem:submission-refused");
        problem.put("title", "Submission refused");
        problem.put("status", HttpStatus.BAD_REQUEST.value());
        problem.put("detail", detail);
        problem.put("message", detail);
        problem.put("errors", refusals);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private Object plain(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.toString();
    }
}
