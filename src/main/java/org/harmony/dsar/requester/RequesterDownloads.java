package org.harmony.dsar.requester;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.harmony.dsar.fulfilment.AccessPackage;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestStage;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A requester's data package: only once released with the approved response, and only until it expires. */
@Component
public class RequesterDownloads {

    private final AccessPackages packages;
    private final Clock clock;

    RequesterDownloads(AccessPackages packages, Clock clock) {
        this.packages = packages;
        this.clock = clock;
    }

    public Optional<AccessPackage> downloadable(DsarRequest request) {
        return packages.latest(request.id()).filter(p -> p.isDownloadable(clock.instant()));
    }

    /** The package the requester may download now; otherwise why not (not ready yet, or expired). */
    public AccessPackage released(DsarRequest request) {
        AccessPackage latest = packages.latest(request.id())
                .filter(p -> p.isReleased() || request.stage() == RequestStage.COMPLETED)
                .orElseThrow(() -> request.stage() == RequestStage.COMPLETED ? expired() : notReady());
        if (!latest.isReleased() || latest.isExpired(clock.instant())) {
            throw latest.isReleased() ? expired() : notReady();
        }
        return latest;
    }

    public ResponseEntity<Resource> zip(DsarRequest request) {
        AccessPackage latest = released(request);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(request.reference() + ".zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-SHA256", latest.sha256())
                .contentLength(latest.sizeBytes())
                .body(new InputStreamResource(packages.open(latest.id())));
    }

    /** The files in the package, with their sizes, as the download page lists them. */
    public List<Map<String, Object>> contents(AccessPackage released) {
        List<Map<String, Object>> files = new ArrayList<>();
        try (InputStream in = packages.open(released.id()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                long size = zip.transferTo(OutputStream.nullOutputStream());
                if (!entry.isDirectory()) {
                    files.add(Map.of("name", entry.getName(), "sizeKb", Math.max(1, (size + 1023) / 1024)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Package " + released.id() + " could not be read", e);
        }
        return files;
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
}
