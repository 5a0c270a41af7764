package org.harmony.dsar.fulfilment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestRepository;
import org.harmony.dsar.system.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The requested corrections next to the current values, for the compliance officer who reviews them. The values
 * are personal data, so they are served here (HTTP Basic, Camunda users of group complianceOfficers) and never put
 * into process variables.
 */
@RestController
class CorrectionsController {

    static final String OFFICERS = "complianceOfficers";

    private final Rectifications rectifications;
    private final RequestRepository requests;
    private final IdentityService identities;

    CorrectionsController(Rectifications rectifications, RequestRepository requests, IdentityService identities) {
        this.rectifications = rectifications;
        this.requests = requests;
        this.identities = identities;
    }

    @GetMapping(path = "/api/officer/requests/{reference}/corrections", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Rectifications.Correction> corrections(@PathVariable String reference,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        authorise(authorization);
        DsarRequest request = requests.findByReference(reference).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "unknown-request", "No such request", "No request has this reference."));
        return rectifications.corrections(request.id());
    }

    private void authorise(String authorization) {
        ApiProblem refused = new ApiProblem(HttpStatus.UNAUTHORIZED, "not-authorised", "Sign in",
                "Sign in as a compliance officer (HTTP Basic, your Camunda user).");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            throw refused;
        }
        String[] credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8).split(":", 2);
        } catch (IllegalArgumentException e) {
            throw refused;
        }
        if (credentials.length != 2 || !identities.checkPassword(credentials[0], credentials[1])) {
            throw refused;
        }
        if (identities.createGroupQuery().groupMember(credentials[0]).groupId(OFFICERS).count() == 0) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-an-officer", "Not allowed",
                    "Only compliance officers see requested corrections.");
        }
    }
}
