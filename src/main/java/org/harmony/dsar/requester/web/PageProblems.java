package org.harmony.dsar.requester.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.kernel.web.RateLimited;
import org.harmony.dsar.requester.PageProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * What goes wrong on a requester's page is a page too, never problem+json or a stack trace: it says what happened
 * (unknown link, expired link, package not ready or expired, form expired) and how to go on.
 */
@ControllerAdvice(assignableTypes = {RequestPages.class, RequestFormPages.class, RefusedPages.class, AppealPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);
    private static final Set<String> EXPLAINED = Set.of("unknown-link", "link-expired", "package-not-ready",
            "package-expired", "form-expired", "too-many-requests", "document-too-large", "body-too-large",
            "not-appealable", "not-denied", "appeal-window-closed", "already-appealed", "invalid-statement");

    @ExceptionHandler(PageProblem.class)
    String page(PageProblem problem, HttpServletResponse response, Model model) {
        return show(problem.status(), problem.type(), response, model);
    }

    @ExceptionHandler(ApiProblem.class)
    String api(ApiProblem problem, HttpServletResponse response, Model model) {
        String type = String.valueOf(problem.getBody().getType()).replace("urn:dsar:problem:", "");
        return show(problem.getStatusCode().value(), type, response, model);
    }

    @ExceptionHandler(RateLimited.class)
    String limited(RateLimited limited, HttpServletResponse response, Model model) {
        return show(429, "too-many-requests", response, model);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException tooLarge, HttpServletResponse response, Model model) {
        return show(413, "document-too-large", response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, HttpServletResponse response, Model model) {
        log.error("A privacy center page failed", failure);
        return show(500, "unexpected", response, model);
    }

    private static String show(int status, String type, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("problem", EXPLAINED.contains(type) ? type : "unexpected");
        return "privacy/problem";
    }
}
