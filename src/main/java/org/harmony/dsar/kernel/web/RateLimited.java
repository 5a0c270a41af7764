package org.harmony.dsar.kernel.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A call refused because too many came: from one client address ({@code ApiGuardFilter}) or for one recipient
 * address ({@code IntakeService}). Both answer with this one 429, {@code Retry-After} and body, so that a refusal
 * does not tell which limit was reached.
 */
public class RateLimited extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimited(Duration retryAfter) {
        super("Too many requests");
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The problem+json body, written as a plain map by the filter and the controller advice alike. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:dsar:problem:rate-limited");
        body.put("title", "Too many requests");
        body.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        body.put("detail", "Too many requests from your address. Try again in " + retryAfterSeconds + " seconds.");
        return body;
    }
}
