package org.harmony.dsar.verification.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.verification.VerificationService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where the requester enters the code from the verification mail. */
@RestController
class VerificationController {

    private final VerificationService verification;

    VerificationController(VerificationService verification) {
        this.verification = verification;
    }

    @PostMapping(path = "/api/requests/{reference}/verification", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Verified verify(@PathVariable String reference, @Valid @RequestBody CodeEntry body) {
        if (reference.length() > 32) {
            throw wrongCode();
        }
        return switch (verification.verify(reference, body.code())) {
            case VERIFIED, ALREADY_VERIFIED -> new Verified(reference, "VERIFIED");
            case WRONG_CODE -> throw wrongCode();
            case LOCKED -> throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "code-locked", "Code locked",
                    "Too many wrong codes were entered. Ask for a new code; this one no longer works.");
            case EXPIRED -> throw new ApiProblem(HttpStatus.GONE, "code-expired", "Code expired",
                    "This code has expired. Ask for a new code.");
            case NO_ACTIVE_CODE -> throw new ApiProblem(HttpStatus.CONFLICT, "no-active-code", "No code to check",
                    "There is no open code for this request. Use the code from the most recent email.");
            case NOT_AWAITING -> throw new ApiProblem(HttpStatus.CONFLICT, "not-awaiting-verification",
                    "Not awaiting verification",
                    "This request is not waiting for verification, for example because it was closed.");
        };
    }

    private static ApiProblem wrongCode() {
        // The same answer for an unknown reference and a wrong code: nothing is revealed about other requests.
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "wrong-code", "Wrong code",
                "The code does not match. Check the code in the most recent email and try again.");
    }

    record CodeEntry(@NotBlank @Pattern(regexp = "\\d{6,10}", message = "must be the digits from the email") String code) {
    }

    record Verified(String reference, String status) {
    }
}
