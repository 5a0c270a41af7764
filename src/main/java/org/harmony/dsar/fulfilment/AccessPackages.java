package org.harmony.dsar.fulfilment;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.kernel.RequestFiles;
import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data package a requester downloads ({@link PackageZip}), from its build through its release with the approved
 * response to its download. A portability request gets only the data the subject provided.
 */
@Service
public class AccessPackages {

    static final String FILE_PREFIX = "package-";

    private static final Logger log = LoggerFactory.getLogger(AccessPackages.class);

    private final SubjectDataLookup lookup;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final AccessPackageRepository packages;
    private final PackageZip zip;
    private final FulfilmentProperties properties;
    private final RequestFiles files;
    private final Clock clock;

    AccessPackages(SubjectDataLookup lookup, RequestRepository requests, RequestEvents events,
            AccessPackageRepository packages, PackageZip zip, FulfilmentProperties properties, RequestFiles files,
            Clock clock) {
        this.lookup = lookup;
        this.requests = requests;
        this.events = events;
        this.packages = packages;
        this.zip = zip;
        this.properties = properties;
        this.files = files;
        this.clock = clock;
    }

    /** Builds the package from the last lookup and returns a summary for the reviewer. */
    @Transactional
    public String build(String requestId) {
        DsarRequest request = requests.get(requestId);
        List<LookupResult> results = lookup.results(requestId).stream()
                .filter(r -> request.type() != RequestType.PORTABILITY || r.source().providedBySubject())
                .toList();
        boolean categoriesOnly = request.accessScope() == AccessScope.CATEGORIES;
        Instant now = clock.instant();
        String packageId = UUID.randomUUID().toString();
        PackageFile written = zip.write(FILE_PREFIX + packageId + ".zip", request, results, categoriesOnly, now);
        discardUnreleased(requestId, "superseded");
        packages.insert(packageId, requestId, now, written);
        long records = results.stream().mapToLong(LookupResult::recordCount).sum();
        events.record(requestId, "PACKAGE_BUILT", "sources=" + results.size() + " records=" + records
                + " scope=" + (categoriesOnly ? AccessScope.CATEGORIES : AccessScope.FULL)
                + " bytes=" + written.size() + " sha256=" + written.sha256());
        log.info("Request {}: package of {} bytes built from {} sources", request.reference(), written.size(),
                results.size());
        return ("%s%d records from %d sources; zip of %,d bytes; SHA-256 %s; released only with the approved response"
                + " mail, then downloadable for %d days").formatted(
                categoriesOnly ? "CATEGORIES ONLY (identity not verified for specific pieces): no records disclosed; "
                        : "",
                records, results.size(), written.size(), written.sha256(), properties.packageTtl().toDays());
    }

    /** The newest package of the request, if one was built (released or not, deleted or not). */
    public Optional<AccessPackage> latest(String requestId) {
        return packages.latest(requestId);
    }

    /**
     * Releases the request's package with the approved response: its download period starts now, so a long review
     * never mails a link that no longer works. Idempotent: a repeated response job keeps the first release.
     *
     * @return the released package, if the request has one
     */
    @Transactional
    public Optional<AccessPackage> release(String requestId) {
        Instant now = clock.instant();
        if (packages.release(requestId, now, now.plus(properties.packageTtl())) > 0) {
            events.record(requestId, "PACKAGE_RELEASED", "downloadableFor=" + properties.packageTtl());
        }
        return latest(requestId).filter(latest -> latest.isDownloadable(now));
    }

    /**
     * Deletes the packages of the request that were never released (a denial, a send-back, a new build): the file
     * with the transaction, the row marked deleted. Nothing unapproved stays behind.
     */
    @Transactional
    public int discardUnreleased(String requestId, String why) {
        List<String> unreleased = packages.unreleasedFiles(requestId);
        if (unreleased.isEmpty()) {
            return 0;
        }
        packages.markUnreleasedDeleted(requestId, clock.instant());
        unreleased.forEach(file -> files.delete(requestId, file));
        events.record(requestId, "PACKAGE_DISCARDED", "reason=" + why + " packages=" + unreleased.size());
        return unreleased.size();
    }

    /** The package's content as a stream; the caller closes it. */
    public InputStream open(String packageId) {
        AccessPackageRepository.Stored stored = packages.stored(packageId)
                .orElseThrow(() -> new IllegalStateException("Package " + packageId + " is not available"));
        return files.open(stored.requestId(), stored.file());
    }
}
