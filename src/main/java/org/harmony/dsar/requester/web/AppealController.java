package org.harmony.dsar.requester.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequesterTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The requester's appeal of a denial, through the API: opened by the reference and token of the denial mail's appeal
 * link (or any later link of the same request); refusals are problem+json ({@link Appeals#openFor}).
 */
@RestController
class AppealController {

    private final RequesterTokens tokens;
    private final Appeals appeals;

    AppealController(RequesterTokens tokens, Appeals appeals) {
        this.tokens = tokens;
        this.appeals = appeals;
    }

    @PostMapping(path = "/api/requests/{reference}/appeal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Filed appeal(@PathVariable String reference, @RequestParam(required = false) String token,
            @Valid @RequestBody AppealBody body) {
        DsarRequest request = tokens.requestFor(reference, token);
        Appeals.Appeal appeal = appeals.file(request, body.statement());
        return new Filed(request.reference(), "APPEAL_RECEIVED", appeal.appealedAt());
    }

    /** @param statement why the requester disagrees with the denial; optional */
    record AppealBody(@Size(max = Appeals.MAX_TEXT) String statement) {
    }

    record Filed(String reference, String status, Instant appealedAt) {
    }
}
