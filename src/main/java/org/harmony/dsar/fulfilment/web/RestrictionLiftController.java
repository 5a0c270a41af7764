package org.harmony.dsar.fulfilment.web;

import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A compliance officer starts lifting a restriction ({@code complianceOfficers} only, see StaffSecurity): the task
 * "Lift restriction" follows in Tasklist.
 */
@RestController
class RestrictionLiftController {

    private final RestrictionLifts lifts;

    RestrictionLiftController(RestrictionLifts lifts) {
        this.lifts = lifts;
    }

    @PostMapping("/api/officer/requests/{reference}/restriction-lift")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void start(@PathVariable String reference, @AuthenticationPrincipal String userId) {
        try {
            lifts.start(reference, userId);
        } catch (RestrictionLifts.LiftRefusedException e) {
            throw e.unknown()
                    ? new ApiProblem(HttpStatus.NOT_FOUND, "unknown-request", "Unknown request", e.getMessage())
                    : new ApiProblem(HttpStatus.CONFLICT, "no-restriction-to-lift", "No restriction to lift",
                            e.getMessage());
        }
    }
}
