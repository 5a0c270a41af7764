package org.harmony.dsar.intake;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/requests}, as the requester sends it. */
record NewRequest(
        @NotNull RequestType type,
        @NotNull Jurisdiction jurisdiction,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 4000) String details,
        @Size(max = 10) Map<@Pattern(regexp = "[a-zA-Z][a-zA-Z0-9]{0,39}",
                message = "must be a name of letters and digits, at most 40") String,
                @NotBlank @Size(max = 200) String> dataPoints,
        @Valid AgentDetails agent,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-DE") String language) {

    record AgentDetails(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String relationship) {
    }
}
