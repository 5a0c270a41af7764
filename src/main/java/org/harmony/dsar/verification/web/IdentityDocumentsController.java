package org.harmony.dsar.verification.web;

import java.util.List;

import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.verification.IdentityEvidence;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a compliance officer opens the documents a requester uploaded, for the "Review identity" task. HTTP Basic
 * against Camunda's identity service, as the engine's REST API; only members of {@code complianceOfficers} (checked
 * by {@code system.StaffSecurity}); every opening is recorded in the audit trail.
 */
@RestController
class IdentityDocumentsController {

    private final RequestRepository requests;
    private final IdentityEvidence evidence;
    private final RequestEvents events;

    IdentityDocumentsController(RequestRepository requests, IdentityEvidence evidence, RequestEvents events) {
        this.requests = requests;
        this.evidence = evidence;
        this.events = events;
    }

    @GetMapping(path = "/api/officer/requests/{reference}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    List<IdentityEvidence.Document> list(@PathVariable String reference) {
        return evidence.documents(request(reference).id());
    }

    @GetMapping("/api/officer/requests/{reference}/documents/{documentId}")
    ResponseEntity<byte[]> open(@PathVariable String reference, @PathVariable String documentId,
            @AuthenticationPrincipal String userId) {
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
}
