package org.harmony.dsar.kernel.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An answer to a bad or impossible API call, rendered as RFC 9457 problem+json. */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(status, detail(status, type, title, detail), null);
    }

    private static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:dsar:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
