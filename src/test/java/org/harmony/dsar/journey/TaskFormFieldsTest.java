package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A task is completed with the fields of its form and nothing else, through the engine's REST API and through the
 * webapps' API that Tasklist uses, with {@code complete} and {@code submit-form} alike: a variable that is no field
 * of the form ({@code requestType}, {@code dueAt}) is refused with 400 problem+json and the task stays open; so is
 * setting or deleting such a variable of the task beforehand.
 */
class TaskFormFieldsTest extends JourneyTestSupport {

    private static final String APPROVE = "\"reviewDecision\": {\"value\": \"APPROVE\", \"type\": \"String\"},"
            + " \"reviewComment\": {\"value\": \"Checked.\", \"type\": \"String\"}";

    @Autowired
    private TaskService tasks;

    @Test
    void shouldRefuseAVariableThatIsNoFieldOfTheFormOnEveryPath() {
        String taskId = reviewTask();

        // The case that answered 500 before: an officer adding the request type to the review.
        ResponseEntity<Map> requestType = restCall(taskId, "complete",
                APPROVE + ", \"requestType\": {\"value\": \"ERASURE\", \"type\": \"String\"}");
        assertRefused(requestType, "requestType");
        assertRefused(restCall(taskId, "submit-form", APPROVE + ", \"dueAt\": {\"value\": \"2099-01-01T00:00:00.000+0000\","
                + " \"type\": \"Date\"}"), "dueAt");
        assertRefused(restCall(taskId, "complete", APPROVE + ", \"lookupSummary\": {\"value\": \"nothing found\"}"),
                "lookupSummary");

        Map<String, String> tasklist = webappLogin("officer", "officer");
        assertRefused(webappCall(tasklist, taskId, "complete",
                APPROVE + ", \"requestType\": {\"value\": \"ERASURE\", \"type\": \"String\"}"), "requestType");
        assertRefused(webappCall(tasklist, taskId, "submit-form",
                APPROVE + ", \"jurisdiction\": {\"value\": \"US-CA\", \"type\": \"String\"}"), "jurisdiction");
        // Nor can the variable be set first and the task completed empty afterwards.
        assertRefused(restVariables(taskId, HttpMethod.PUT, "/requestType",
                "{\"value\": \"ERASURE\", \"type\": \"String\"}"), "requestType");
        assertRefused(restVariables(taskId, HttpMethod.POST, "",
                "{\"modifications\": {\"reviewComment\": {\"value\": \"x\"}, \"dueAt\": {\"value\": null}}}"), "dueAt");
        assertRefused(restVariables(taskId, HttpMethod.DELETE, "/requestId", null), "requestId");
        HttpHeaders json = webappHeaders(tasklist);
        json.setContentType(MediaType.APPLICATION_JSON);
        assertRefused(http.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/localVariables/requestType",
                HttpMethod.PUT, new HttpEntity<>("{\"value\": \"ERASURE\", \"type\": \"String\"}", json), Map.class),
                "requestType");
        assertThat(restVariables(taskId, HttpMethod.PUT, "/reviewComment", "{\"value\": \"Draft\", \"type\": \"String\"}")
                .getStatusCode()).as("a field of the form may be saved").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);
        assertThat(tasks.getVariable(taskId, "requestType")).isEqualTo("ACCESS");

        // What Tasklist sends for a Camunda Form: the values of the fields a user can fill in.
        ResponseEntity<Map> submitted = webappCall(tasklist, taskId, "submit-form", APPROVE);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }

    private static void assertRefused(ResponseEntity<Map> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("type", "urn:dsar:problem:submission-refused");
        assertThat(response.getBody().get("detail")).asString()
                .contains(field + " is not a field of this form").contains("ReviewResponseForm");
    }

    /** A fresh access request taken to the compliance officer's review. */
    private String reviewTask() {
        String email = uniqueEmail("form.fields");
        String reference = (String) submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Form Fields"}""".formatted(email))
                .getBody().get("reference");
        runDueJobs();
        String code = codeIn(awaitMail(email, reference + ": confirm your email address"));
        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        return tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("UserTask_ReviewResponse").singleResult().getId();
    }

    private ResponseEntity<Map> restCall(String taskId, String action, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("officer", "officer").exchange("/engine-rest/task/" + taskId + "/" + action,
                HttpMethod.POST, new HttpEntity<>("{\"variables\": {" + variables + "}}", headers), Map.class);
    }

    private ResponseEntity<Map> restVariables(String taskId, HttpMethod method, String name, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("officer", "officer").exchange("/engine-rest/task/" + taskId + "/variables" + name,
                method, new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<Map> webappCall(Map<String, String> session, String taskId, String action,
            String variables) {
        HttpHeaders headers = webappHeaders(session);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/" + action, HttpMethod.POST,
                new HttpEntity<>("{\"variables\": {" + variables + "}}", headers), Map.class);
    }

    /** Logs in to Tasklist as a browser does: the CSRF cookie first, then the login form, then a fresh token. */
    private Map<String, String> webappLogin(String user, String password) {
        Map<String, String> session = new HashMap<>();
        session.putAll(cookies(http.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()));
        HttpHeaders headers = webappHeaders(session);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
        assertThat(login.getStatusCode()).as(String.valueOf(login.getBody())).isEqualTo(HttpStatus.OK);
        session.putAll(cookies(login.getHeaders()));
        session.putAll(cookies(http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(webappHeaders(session)), String.class).getHeaders()));
        return session;
    }

    private static HttpHeaders webappHeaders(Map<String, String> session) {
        HttpHeaders headers = new HttpHeaders();
        if (!session.isEmpty()) {
            headers.set(HttpHeaders.COOKIE, session.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (session.containsKey("XSRF-TOKEN")) {
            headers.set("X-XSRF-TOKEN", session.get("XSRF-TOKEN"));
        }
        return headers;
    }

    private static Map<String, String> cookies(HttpHeaders headers) {
        Map<String, String> cookies = new HashMap<>();
        for (String setCookie : headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return cookies;
    }
}
