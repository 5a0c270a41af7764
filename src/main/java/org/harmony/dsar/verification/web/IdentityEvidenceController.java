package org.harmony.dsar.verification.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequesterTokens;
import org.harmony.dsar.verification.IdentityEvidence;
import org.harmony.dsar.verification.VerificationService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a requester proves who they are after intake: a new code, more data points and the signed declaration, and
 * documents (an agent's authorisation). Answers never say whether data points match or what the company holds.
 */
@RestController
class IdentityEvidenceController {

    private final VerificationService verification;
    private final IdentityEvidence evidence;
    private final RequesterTokens tokens;

    IdentityEvidenceController(VerificationService verification, IdentityEvidence evidence, RequesterTokens tokens) {
        this.verification = verification;
        this.evidence = evidence;
        this.tokens = tokens;
    }

    /** Anyone with the reference may ask for a new code: it goes only to the address the request was made with. */
    @PostMapping(path = "/api/requests/{reference}/verification/resend", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Answer resend(@PathVariable String reference) {
        if (reference.length() <= 32 && verification.requestNewCode(reference) == VerificationService.NewCode.TOO_MANY) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", "Too many codes",
                    "Too many codes were sent for this request today. Use the most recent one, or try again tomorrow.");
        }
        return new Answer(reference, "If this request is waiting for a code, a new one is on its way to the email"
                + " address the request was made with. Earlier codes no longer work.");
    }

    @PostMapping(path = "/api/requests/{reference}/identity-information", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Answer addInformation(@PathVariable String reference, @RequestParam(required = false) String token,
            @Valid @RequestBody Information body) {
        DsarRequest request = tokens.requestFor(reference, token);
        if ((body.dataPoints() == null || body.dataPoints().isEmpty()) && body.declaration() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "nothing-submitted", "Nothing submitted",
                    "Send dataPoints, a declaration, or both.");
        }
        try {
            evidence.addInformation(request.id(), body.dataPoints(),
                    body.declaration() == null ? null : body.declaration().signedName());
        } catch (IdentityEvidence.EvidenceRefused refused) {
            throw new ApiProblem(IdentityEvidence.NOT_WAITING.equals(refused.type()) ? HttpStatus.CONFLICT
                    : HttpStatus.BAD_REQUEST, refused.type(), "Information not accepted", refused.getMessage());
        }
        return new Answer(reference, "Thank you. We will check what you sent and email you.");
    }

    @PostMapping(path = "/api/requests/{reference}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Uploaded upload(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] content) {
        DsarRequest request = tokens.requestFor(reference, token);
        String type = contentType == null ? null : MediaType.parseMediaType(contentType).getType() + "/"
                + MediaType.parseMediaType(contentType).getSubtype();
        try {
            IdentityEvidence.Document document = evidence.storeDocument(request.id(), type,
                    content == null ? new byte[0] : content);
            return new Uploaded(reference, document.id(), document.contentType(), document.sizeBytes(),
                    document.sha256());
        } catch (IdentityEvidence.EvidenceRefused refused) {
            HttpStatus status = switch (refused.type()) {
                case "document-type" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case "document-too-large" -> HttpStatus.PAYLOAD_TOO_LARGE;
                case "too-many-documents", IdentityEvidence.NOT_WAITING -> HttpStatus.CONFLICT;
                default -> HttpStatus.BAD_REQUEST;
            };
            throw new ApiProblem(status, refused.type(), "Document not accepted", refused.getMessage());
        }
    }


    /** Text without control characters: they have no place in a data point or a name, and PostgreSQL refuses NUL. */
    static final String SINGLE_LINE = "[^\\p{Cc}]*";
    static final String NO_CONTROLS = "must not contain control characters";

    record Information(
            @Size(max = 10) Map<@Pattern(regexp = "[a-zA-Z][a-zA-Z0-9]{0,39}",
                    message = "must be a name of letters and digits, at most 40") String,
                    @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String> dataPoints,
            @Valid Declaration declaration) {
    }

    /** The declaration under penalty of perjury, signed by typing one's name. */
    record Declaration(@NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS) String signedName,
            @AssertTrue(message = "must be true: the declaration is signed only when accepted") boolean accepted) {
    }

    record Answer(String reference, String message) {
    }

    record Uploaded(String reference, String documentId, String contentType, long sizeBytes, String sha256) {
    }
}
