package org.harmony.dsar.response.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harmony.dsar.fulfilment.AccessPackage;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.fulfilment.ProcessorInstructions;
import org.harmony.dsar.fulfilment.Rectifications;
import org.harmony.dsar.fulfilment.SubjectErasure;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What a compliance officer reviews before deciding a task, opened from the task's form: the package as the requester
 * would receive it, and the case file (what each source returned, what erasure did, the requested corrections next
 * to the values held). Staff only ({@code system.StaffSecurity}: HTTP Basic, or the Tasklist session for reading);
 * the personal data stays in these answers and never reaches a process variable; every opening is in the audit trail.
 */
@Controller
class CaseFileController {

    /** Records shown per source on the page; the package holds them all. */
    static final int RECORDS_SHOWN = 200;

    private final RequestRepository requests;
    private final RequestEvents events;
    private final AccessPackages packages;
    private final SubjectDataLookup lookup;
    private final SubjectErasure erasure;
    private final Rectifications rectifications;
    private final ProcessorInstructions instructions;

    CaseFileController(RequestRepository requests, RequestEvents events, AccessPackages packages,
            SubjectDataLookup lookup, SubjectErasure erasure, Rectifications rectifications,
            ProcessorInstructions instructions) {
        this.requests = requests;
        this.events = events;
        this.packages = packages;
        this.lookup = lookup;
        this.erasure = erasure;
        this.rectifications = rectifications;
        this.instructions = instructions;
    }

    @GetMapping("/api/officer/requests/{reference}/package")
    ResponseEntity<InputStreamResource> openPackage(@PathVariable String reference,
            @AuthenticationPrincipal String userId) {
        DsarRequest request = request(reference);
        AccessPackage latest = packages.latest(request.id()).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "no-package", "No package", "No package was built for this request."));
        if (latest.deletedAt() != null) {
            throw new ApiProblem(HttpStatus.GONE, "package-deleted", "Package deleted",
                    "The package was deleted at " + latest.deletedAt() + ".");
        }
        events.record(request.id(), "PACKAGE_OPENED_BY_STAFF", "package=" + latest.id() + " by=" + userId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(latest.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(reference + ".zip").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(packages.open(latest.id())));
    }

    @GetMapping(path = "/api/officer/requests/{reference}/case-file", produces = MediaType.TEXT_HTML_VALUE)
    String caseFile(@PathVariable String reference, @AuthenticationPrincipal String userId, Model model) {
        DsarRequest request = request(reference);
        events.record(request.id(), "CASE_FILE_OPENED", "by=" + userId);
        model.addAttribute("request", request);
        model.addAttribute("sources", lookup.results(request.id()).stream().map(this::shown).toList());
        model.addAttribute("recordsShown", RECORDS_SHOWN);
        model.addAttribute("erasure", erasure.evidence(request.id()));
        model.addAttribute("corrections", rectifications.corrections(request.id()));
        model.addAttribute("instructions", instructions.of(request.id()));
        model.addAttribute("hasPackage", packages.latest(request.id()).filter(p -> p.deletedAt() == null).isPresent());
        model.addAttribute("openedAt", Instant.now());
        return "case-file";
    }

    /** One source's lookup result with the first records found and the columns they have. */
    record ShownSource(LookupResult result, List<String> columns, List<Map<String, Object>> records) {
    }

    private ShownSource shown(LookupResult result) {
        List<Map<String, Object>> records = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        lookup.forEachRecord(result, record -> {
            if (records.size() < RECORDS_SHOWN) {
                records.add(record);
                columns.addAll(record.keySet());
            }
        });
        return new ShownSource(result, List.copyOf(columns), records);
    }

    private DsarRequest request(String reference) {
        return requests.findByReference(reference).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "unknown-request", "No such request", "No request has this reference."));
    }
}
