package org.harmony.dsar.intake;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.harmony.dsar.kernel.MailAddress;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RequestType;

/**
 * The body of {@code POST /api/requests}, as the requester sends it. Text may not contain control characters
 * (details may have line breaks and tabs): they have no place in a name and PostgreSQL refuses NUL. {@code consents}
 * names the consents a withdrawal of consent concerns (catalogue names), {@code objectsTo} what an objection is to
 * (its grounds go in {@code details}); other request types ignore them.
 * {@code nameRecipients}: the requester asks to be told who received their data (GDPR Art 19, last sentence).
 * {@code transmitTo}: for a portability request, the email address of another controller to send the package to
 * (GDPR Art 20(2)), once an officer approves.
 */
public record NewRequest(
        @NotNull RequestType type,
        @NotNull Jurisdiction jurisdiction,
        @NotBlank @MailAddress @Size(max = 254) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String email,
        @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String fullName,
        @Size(max = 4000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROLS) String details,
        @Size(max = 10) Map<@Pattern(regexp = "[a-zA-Z][a-zA-Z0-9]{0,39}",
                message = "must be a name of letters and digits, at most 40") String,
                @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String> dataPoints,
        @Valid AgentDetails agent,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-DE") String language,
        @Size(max = 20) @KnownConsents List<String> consents,
        ObjectionScope objectsTo,
        Boolean nameRecipients,
        @MailAddress @Size(max = 254) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String transmitTo) {

    public NewRequest(RequestType type, Jurisdiction jurisdiction, String email, String fullName, String details,
            Map<String, String> dataPoints, AgentDetails agent, String language, List<String> consents,
            ObjectionScope objectsTo, Boolean nameRecipients) {
        this(type, jurisdiction, email, fullName, details, dataPoints, agent, language, consents, objectsTo,
                nameRecipients, null);
    }

    /** Only a portability request is sent to another controller. */
    @JsonIgnore
    @AssertTrue(message = "transmitTo is only for PORTABILITY requests (GDPR Art 20(2))")
    public boolean isTransmitToForPortability() {
        return transmitTo == null || transmitTo.isBlank() || type == RequestType.PORTABILITY;
    }

    /** A right only some laws give (the CCPA's limit on sensitive personal information) is refused under others. */
    @JsonIgnore
    @AssertTrue(message = "this type of request is not a right under the law of this jurisdiction "
            + "(LIMIT_SENSITIVE_USE: US-CA only)")
    public boolean isTypeOfferedUnderJurisdiction() {
        return type == null || jurisdiction == null || type.offeredUnder(jurisdiction);
    }

    static final String SINGLE_LINE = "[^\\p{Cc}]*";
    static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String NO_CONTROLS = "must not contain control characters";

    public record AgentDetails(
            @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String name,
            @NotBlank @MailAddress @Size(max = 254) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String email,
            @NotBlank @Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String relationship) {
    }
}
