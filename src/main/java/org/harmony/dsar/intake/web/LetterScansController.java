package org.harmony.dsar.intake.web;

import java.io.IOException;
import java.util.List;

import org.harmony.dsar.intake.LetterScans;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where a compliance officer attaches the scan of a letter they logged, lists and opens it. HTTP Basic against
 * Camunda's identity service; only members of {@code complianceOfficers} ({@code system.StaffSecurity}).
 */
@RestController
class LetterScansController {

    private static final String SCANS = "/api/officer/requests/{reference}/letter-scans";

    private final RequestRepository requests;
    private final LetterScans scans;

    LetterScansController(RequestRepository requests, LetterScans scans) {
        this.requests = requests;
        this.scans = scans;
    }

    @PostMapping(path = SCANS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    LetterScans.Scan attach(@PathVariable String reference, @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal String userId) throws IOException {
        DsarRequest request = request(reference);
        if (file.getSize() > scans.maxBytes()) {
            throw refused(LetterScans.Refusal.TOO_LARGE);
        }
        byte[] content = file.getBytes();
        scans.refusal(request, requests.channelOf(request.id()), file.getContentType(), content).ifPresent(refusal -> {
            throw refused(refusal);
        });
        String id = scans.attach(request.id(), file.getOriginalFilename(), file.getContentType(), content, userId);
        return scans.of(request.id()).stream().filter(scan -> scan.id().equals(id)).findFirst().orElseThrow();
    }

    @GetMapping(path = SCANS, produces = MediaType.APPLICATION_JSON_VALUE)
    List<LetterScans.Scan> list(@PathVariable String reference) {
        return scans.of(request(reference).id());
    }

    @GetMapping(SCANS + "/{scanId}")
    ResponseEntity<byte[]> open(@PathVariable String reference, @PathVariable String scanId) {
        DsarRequest request = request(reference);
        LetterScans.Scan scan = scans.of(request.id()).stream().filter(s -> s.id().equals(scanId)).findFirst()
                .orElseThrow(LetterScansController::notFound);
        byte[] content = scans.content(request.id(), scanId).orElseThrow(LetterScansController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(scan.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reference + "-letter-" + scanId.substring(0, 8)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    private DsarRequest request(String reference) {
        return requests.findByReference(reference).orElseThrow(LetterScansController::notFound);
    }

    private ApiProblem refused(LetterScans.Refusal refusal) {
        return switch (refusal) {
            case TOO_LARGE -> new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "scan-too-large", "Scan too large",
                    "A scan may have at most " + scans.maxBytes() + " bytes. Scan at a lower resolution.");
            case WRONG_TYPE -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "scan-type", "Not a PDF, PNG or JPEG",
                    "Attach the scan as a PDF, PNG or JPEG file; its content must be of the type it is sent as.");
            case NOT_A_LETTER -> new ApiProblem(HttpStatus.CONFLICT, "not-a-letter", "Not a letter",
                    "Only a request logged as received by letter takes a scanned letter.");
            case REQUEST_ENDED -> new ApiProblem(HttpStatus.CONFLICT, "request-ended", "Request ended",
                    "The request has ended; its data was deleted and nothing more is attached to it.");
        };
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such request or scan.");
    }
}
