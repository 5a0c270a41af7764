package org.harmony.dsar.verification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestEvents;
import org.harmony.dsar.intake.RequestRepository;
import org.harmony.dsar.system.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a compliance officer opens the documents a requester uploaded, for the "Review identity" task. HTTP Basic
 * against Camunda's identity service, as the engine's REST API; only members of {@code complianceOfficers}; every
 * opening is recorded in the audit trail.
 */
@RestController
class IdentityDocumentsController {

    static final String REVIEWER_GROUP = "complianceOfficers";

    private final IdentityService identities;
    private final RequestRepository requests;
    private final IdentityEvidence evidence;
    private final RequestEvents events;

    IdentityDocumentsController(IdentityService identities, RequestRepository requests, IdentityEvidence evidence,
            RequestEvents events) {
        this.identities = identities;
        this.requests = requests;
        this.evidence = evidence;
        this.events = events;
    }

    @GetMapping(path = "/api/officer/requests/{reference}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    List<IdentityEvidence.Document> list(@PathVariable String reference,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        authenticate(authorization);
        return evidence.documents(request(reference).id());
    }

    @GetMapping("/api/officer/requests/{reference}/documents/{documentId}")
    ResponseEntity<byte[]> open(@PathVariable String reference, @PathVariable String documentId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String userId = authenticate(authorization);
        DsarRequest request = request(reference);
        IdentityEvidence.Document document = evidence.documents(request.id()).stream()
                .filter(d -> d.id().equals(documentId)).findFirst()
                .orElseThrow(IdentityDocumentsController::notFound);
        if (document.erasedAt() != null) {
            throw new ApiProblem(HttpStatus.GONE, "document-erased", "Document erased",
                    "The document was erased when verification ended, at " + document.erasedAt() + ".");
        }
        byte[] content = evidence.content(request.id(), documentId).orElseThrow(IdentityDocumentsController::notFound);
        events.record(request.id(), "IDENTITY_DOCUMENT_VIEWED", "document=" + documentId + " by=" + userId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reference + "-" + documentId + extension(document.contentType())).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** The user id of a compliance officer with a valid password; 401 or 403 for anyone else. */
    private String authenticate(String authorization) {
        Optional<String[]> credentials = basic(authorization);
        if (credentials.isEmpty() || !identities.checkPassword(credentials.get()[0], credentials.get()[1])) {
            throw new Unauthenticated();
        }
        String userId = credentials.get()[0];
        if (identities.createGroupQuery().groupMember(userId).groupId(REVIEWER_GROUP).count() == 0) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only compliance officers open identity documents.");
        }
        return userId;
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private DsarRequest request(String reference) {
        return requests.findByReference(reference).orElseThrow(IdentityDocumentsController::notFound);
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such request or document.");
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
    }

    /** 401 with a challenge, so that a browser asks for the officer's Camunda login. */
    static final class Unauthenticated extends ApiProblem {
        Unauthenticated() {
            super(HttpStatus.UNAUTHORIZED, "unauthenticated", "Login required",
                    "Log in with your Camunda user name and password.");
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"DSAR staff\", charset=\"UTF-8\"");
        }
    }
}
