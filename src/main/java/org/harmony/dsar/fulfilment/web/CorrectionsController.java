package org.harmony.dsar.fulfilment.web;

import java.util.List;

import org.harmony.dsar.fulfilment.Rectifications;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The requested corrections next to the current values, for the compliance officer who reviews them. The values
 * are personal data, so they are served here (HTTP Basic, Camunda users of group complianceOfficers, checked by
 * {@code system.StaffSecurity}) and never put into process variables.
 */
@RestController
class CorrectionsController {

    private final Rectifications rectifications;
    private final RequestRepository requests;

    CorrectionsController(Rectifications rectifications, RequestRepository requests) {
        this.rectifications = rectifications;
        this.requests = requests;
    }

    @GetMapping(path = "/api/officer/requests/{reference}/corrections", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Rectifications.Correction> corrections(@PathVariable String reference) {
        DsarRequest request = requests.findByReference(reference).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "unknown-request", "No such request", "No request has this reference."));
        return rectifications.corrections(request.id());
    }
}
