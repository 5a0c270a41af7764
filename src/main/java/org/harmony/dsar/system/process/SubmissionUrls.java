package org.harmony.dsar.system.process;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriUtils;

/** Which engine REST and Tasklist URLs submit values to a task or a process start, and to which. */
final class SubmissionUrls {

    private static final String ENGINE_API = "(?:/engine-rest|/camunda/api/engine/engine/([^/]+))";
    private static final Pattern COMPLETION = Pattern.compile(ENGINE_API + "/task/([^/]+)/(complete|submit-form)");
    private static final Pattern START = Pattern.compile(
            ENGINE_API + "/process-definition/(?:key/([^/]+)|([^/]+))/(start|submit-form)");
    private static final Pattern VARIABLES = Pattern.compile(
            ENGINE_API + "/task/([^/]+)/(?:variables|localVariables)(?:/([^/]+)(?:/data)?)?");
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "DELETE");

    private SubmissionUrls() {
    }

    /** The submission a request with this method and URI is; empty when it is none. */
    static Optional<Submission> recognise(String method, String uri) {
        Matcher variables = VARIABLES.matcher(uri);
        if (variables.matches()) {
            return CHANGING.contains(method)
                    ? Optional.of(new Submission.TaskVariables(variables.group(1), variables.group(2),
                            variables.group(3) == null ? null
                                    : UriUtils.decode(variables.group(3), StandardCharsets.UTF_8)))
                    : Optional.empty();
        }
        if (!"POST".equals(method)) {
            return Optional.empty();
        }
        Matcher completion = COMPLETION.matcher(uri);
        if (completion.matches()) {
            return Optional.of(new Submission.TaskCompletion(completion.group(1), completion.group(2)));
        }
        Matcher start = START.matcher(uri);
        if (start.matches()) {
            return Optional.of(new Submission.ProcessStart(start.group(1), start.group(2), start.group(3)));
        }
        return Optional.empty();
    }
}
