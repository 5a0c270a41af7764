package org.harmony.dsar.requester;

import java.time.Instant;
import java.time.LocalDate;

import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestRepository;
import org.harmony.dsar.intake.RequestStage;
import org.harmony.dsar.system.ApiProblem;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a requester reaches with the link from their mails: their request's status and their data package. */
@RestController
class RequesterController {

    private final RequesterTokens tokens;
    private final RequestRepository requests;
    private final AccessPackages packages;

    RequesterController(RequesterTokens tokens, RequestRepository requests, AccessPackages packages) {
        this.tokens = tokens;
        this.requests = requests;
        this.packages = packages;
    }

    @GetMapping(path = "/api/requests/{reference}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    Status status(@PathVariable String reference, @RequestParam(required = false) String token) {
        DsarRequest request = authorise(reference, token);
        return new Status(request.reference(), request.type().name(), request.jurisdiction().code(),
                request.stage(), request.stage().explanation(),
                request.receivedAt(),
                request.dueAt() == null ? null : request.dueAt().atZone(request.jurisdiction().zone()).toLocalDate(),
                request.completedAt(),
                packages.latest(request.id()).filter(p -> !p.isExpired(Instant.now())).isPresent());
    }

    @GetMapping("/api/requests/{reference}/package")
    ResponseEntity<Resource> download(@PathVariable String reference, @RequestParam(required = false) String token) {
        DsarRequest request = authorise(reference, token);
        AccessPackages.Package latest = packages.latest(request.id()).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "package-not-ready", "No package yet",
                "Your data package is not ready yet. We will email you when it is."));
        if (latest.isExpired(Instant.now())) {
            throw new ApiProblem(HttpStatus.GONE, "package-expired", "Package expired",
                    "This data package has expired and was removed. Reply to our email to ask for a new copy.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(request.reference() + ".zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-SHA256", latest.sha256())
                .contentLength(latest.sizeBytes())
                .body(new InputStreamResource(packages.open(latest.id())));
    }

    private DsarRequest authorise(String reference, String token) {
        ApiProblem noMatch = new ApiProblem(HttpStatus.NOT_FOUND, "unknown-link", "Link not recognised",
                "No request matches this link. Use the latest link from our emails.");
        RequesterTokens.Grant grant = tokens.check(token).orElseThrow(() -> noMatch);
        DsarRequest request = requests.findByReference(reference)
                .filter(found -> found.id().equals(grant.requestId()))
                .orElseThrow(() -> noMatch);
        if (grant.expired()) {
            throw new ApiProblem(HttpStatus.GONE, "link-expired", "Link expired",
                    "This link has expired. Use the link from our most recent email about request "
                            + request.reference() + ".");
        }
        return request;
    }

    record Status(String reference, String type, String jurisdiction, RequestStage stage, String explanation,
            Instant receivedAt, LocalDate dueDate, Instant completedAt, boolean packageAvailable) {
    }
}
