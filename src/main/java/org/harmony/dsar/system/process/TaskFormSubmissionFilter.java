package org.harmony.dsar.system.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.harmony.dsar.system.FormRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a task completion against the task's Camunda Form before the engine runs it, and answers a violation
 * with 400 problem+json naming each field (with a {@code message} member, which Tasklist shows). Covers the REST
 * API ({@code POST /engine-rest/task/{id}/complete} or {@code submit-form}, after its HTTP Basic authentication)
 * and Tasklist ({@code /camunda/api/engine/engine/{engine}/task/{id}/submit-form}, as the user logged in to the
 * webapps). Runs as the calling user; anything it cannot judge (no login, no such task, no form, no permission)
 * goes on to the engine, which answers it.
 */
public class TaskFormSubmissionFilter extends OncePerRequestFilter {

    private static final Pattern COMPLETION = Pattern.compile(
            "(?:/engine-rest|/camunda/api/engine/engine/([^/]+))/task/([^/]+)/(complete|submit-form)");
    private static final int MAX_BODY_BYTES = 1_048_576;

    private final TaskFormRules formRules;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ObjectMapper json;

    public TaskFormSubmissionFilter(TaskFormRules formRules, TaskService tasks, IdentityService identity,
            ObjectMapper json) {
        this.formRules = formRules;
        this.tasks = tasks;
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !COMPLETION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = COMPLETION.matcher(request.getRequestURI());
        matcher.matches();
        String webappEngine = matcher.group(1);
        String taskId = matcher.group(2);
        if (webappEngine == null) {
            validate(request, response, chain, taskId);
            return;
        }
        UserAuthentication user = webappUser(request, webappEngine);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
        try {
            validate(request, response, chain, taskId);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static UserAuthentication webappUser(HttpServletRequest request, String engine) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user
                ? user : null;
    }

    private void validate(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String taskId) throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        HttpServletRequest replay = new ReplayedBody(request, body);
        if (body.length > MAX_BODY_BYTES) {
            chain.doFilter(replay, response);
            return;
        }
        FormRules rules;
        JsonNode submitted;
        try {
            rules = formRules.of(taskId).orElse(null);
            submitted = body.length == 0 ? json.createObjectNode() : json.readTree(body).path("variables");
        } catch (ProcessEngineException | IOException e) {
            chain.doFilter(replay, response);
            return;
        }
        if (rules == null) {
            chain.doFilter(replay, response);
            return;
        }
        List<String> violations = rules.violations(key -> submitted.has(key)
                ? plain(submitted.path(key).path("value"))
                : tasks.getVariable(taskId, key));
        if (violations.isEmpty()) {
            chain.doFilter(replay, response);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:dsar:problem:invalid-form-submission");
        problem.put("title", "Invalid form submission");
        problem.put("status", HttpStatus.BAD_REQUEST.value());
        problem.put("detail", rules.refusal(violations));
        problem.put("message", rules.refusal(violations));
        problem.put("errors", violations);
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

    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return body.length == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }
            };
        }
    }
}
