package org.harmony.dsar.requester;

import java.time.Instant;
import java.time.LocalDate;

import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.intake.DsarRequest;
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
    private final AccessPackages packages;

    RequesterController(RequesterTokens tokens, AccessPackages packages) {
        this.tokens = tokens;
        this.packages = packages;
    }

    @GetMapping(path = "/api/requests/{reference}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    Status status(@PathVariable String reference, @RequestParam(required = false) String token) {
        DsarRequest request = tokens.requestFor(reference, token);
        return new Status(request.reference(), request.type().name(), request.jurisdiction().code(),
                request.stage(), request.stage().explanation(),
                request.receivedAt(),
                request.dueAt() == null ? null : request.dueAt().atZone(request.jurisdiction().zone()).toLocalDate(),
                request.completedAt(),
                packages.latest(request.id()).filter(p -> p.isDownloadable(Instant.now())).isPresent());
    }

    @GetMapping("/api/requests/{reference}/package")
    ResponseEntity<Resource> download(@PathVariable String reference, @RequestParam(required = false) String token) {
        DsarRequest request = tokens.requestFor(reference, token);
        AccessPackages.Package latest = packages.latest(request.id())
                .filter(p -> p.isReleased() || request.stage() == RequestStage.COMPLETED)
                .orElseThrow(() -> request.stage() == RequestStage.COMPLETED ? expired() : notReady());
        if (!latest.isReleased() || latest.isExpired(Instant.now())) {
            throw latest.isReleased() ? expired() : notReady();
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

    /** Before an officer approved the response and it was mailed, nothing can be downloaded. */
    private static ApiProblem notReady() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "package-not-ready", "No package yet",
                "Your data package is not ready yet. We will email you when it is.");
    }

    private static ApiProblem expired() {
        return new ApiProblem(HttpStatus.GONE, "package-expired", "Package expired",
                "This data package has expired and was deleted. Reply to our email to ask for a new copy.");
    }


    record Status(String reference, String type, String jurisdiction, RequestStage stage, String explanation,
            Instant receivedAt, LocalDate dueDate, Instant completedAt, boolean packageAvailable) {
    }
}
