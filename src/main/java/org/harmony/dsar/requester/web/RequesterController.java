package org.harmony.dsar.requester.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.RequesterTokens;
import org.harmony.dsar.requester.RequesterDownloads;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a requester reaches with the link from their mails: their request's status and their data package. The
 * links serve API clients and browsers alike: a client that asks for HTML ({@code Accept: text/html}, as every
 * browser does) is sent to the privacy center's page (303), any other gets JSON or the zip as before.
 */
@RestController
class RequesterController {

    private final RequesterTokens tokens;
    private final RequesterDownloads downloads;

    RequesterController(RequesterTokens tokens, RequesterDownloads downloads) {
        this.tokens = tokens;
        this.downloads = downloads;
    }

    @GetMapping(path = "/api/requests/{reference}/status", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_HTML_VALUE})
    ResponseEntity<Status> status(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (asksForHtml(accept)) {
            return toPage(reference, "", token);
        }
        DsarRequest request = tokens.requestFor(reference, token);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Status(request.reference(),
                request.type().name(), request.jurisdiction().code(), request.stage(), request.stage().explanation(),
                request.receivedAt(),
                request.dueAt() == null ? null : request.dueAt().atZone(request.jurisdiction().zone()).toLocalDate(),
                request.completedAt(),
                downloads.downloadable(request).isPresent()));
    }

    @GetMapping("/api/requests/{reference}/package")
    ResponseEntity<Resource> download(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (asksForHtml(accept)) {
            return toPage(reference, "/download", token);
        }
        return downloads.zip(tokens.requestFor(reference, token));
    }

    /** The package sent to another controller at the requester's request (GDPR Art 20(2)); nothing else. */
    @GetMapping("/api/requests/{reference}/transmitted-package")
    ResponseEntity<Resource> transmittedPackage(@PathVariable String reference,
            @RequestParam(required = false) String token) {
        return downloads.zip(tokens.transmittedRequestFor(reference, token));
    }

    /** The pages of earlier mails' links, now the privacy center's. */
    @GetMapping("/verify.html")
    ResponseEntity<Void> oldVerifyPage(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String code) {
        return reference == null ? toForm() : movedTo(UriComponentsBuilder.fromPath("/privacy/requests/{reference}/verify")
                .queryParamIfPresent("code", Optional.ofNullable(code)), reference);
    }

    @GetMapping("/identity.html")
    ResponseEntity<Void> oldIdentityPage(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String token) {
        return reference == null ? toForm() : movedTo(UriComponentsBuilder.fromPath("/privacy/requests/{reference}/information")
                .queryParamIfPresent("token", Optional.ofNullable(token)), reference);
    }

    private static ResponseEntity<Void> toForm() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/privacy/request")).build();
    }

    private static ResponseEntity<Void> movedTo(UriComponentsBuilder page, String reference) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(page.encode().buildAndExpand(reference).toUri()).build();
    }

    /** Whether the client names HTML itself (a browser), not merely accepts anything. */
    private static boolean asksForHtml(String accept) {
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    private static <T> ResponseEntity<T> toPage(String reference, String page, String token) {
        URI location = UriComponentsBuilder.fromPath("/privacy/requests/{reference}" + page)
                .queryParamIfPresent("token", Optional.ofNullable(token))
                .encode().buildAndExpand(reference).toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
    }

    record Status(String reference, String type, String jurisdiction, RequestStage stage, String explanation,
            Instant receivedAt, LocalDate dueDate, Instant completedAt, boolean packageAvailable) {
    }
}
