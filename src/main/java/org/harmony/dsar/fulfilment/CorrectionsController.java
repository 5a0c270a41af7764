package org.harmony.dsar.fulfilment;

import java.util.List;

import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestRepository;
import org.harmony.dsar.system.ApiProblem;
import org.harmony.dsar.system.StaffAuthentication;
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
    private final StaffAuthentication staff;

    CorrectionsController(Rectifications rectifications, RequestRepository requests, StaffAuthentication staff) {
        this.rectifications = rectifications;
        this.requests = requests;
        this.staff = staff;
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
        staff.requireMember(authorization, OFFICERS, "Only compliance officers see requested corrections.");
    }
}
