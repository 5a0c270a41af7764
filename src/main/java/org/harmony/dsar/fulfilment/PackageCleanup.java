package org.harmony.dsar.fulfilment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.harmony.dsar.kernel.RequestFiles;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.request.RequestEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deletes what no package needs any more: packages past their download window, and files left by a crash. */
@Service
public class PackageCleanup {

    private final AccessPackageRepository packages;
    private final RequestFiles files;
    private final SubjectDataLookup lookup;
    private final RequestEvents events;
    private final Clock clock;

    PackageCleanup(AccessPackageRepository packages, RequestFiles files, SubjectDataLookup lookup,
            RequestEvents events, Clock clock) {
        this.packages = packages;
        this.files = files;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
    }

    /** Deletes the files of packages past their download window, and the lookup records behind them. */
    @Transactional
    public int deleteExpired() {
        Instant now = clock.instant();
        List<AccessPackageRepository.Stored> expired = packages.expired(now);
        for (AccessPackageRepository.Stored item : expired) {
            files.delete(item.requestId(), item.file());
            packages.markDeleted(item.id(), now);
            lookup.deleteRecords(item.requestId());
            events.record(item.requestId(), "PACKAGE_DELETED", "package=" + item.id());
        }
        return expired.size();
    }

    /**
     * Deletes every stored package file that no package in use points to (left by a crash); returns how many. A
     * package written in the last hour (its row perhaps not yet committed) is left alone.
     */
    public int deleteOrphanFiles() {
        Set<String> inUse = packages.filesInUse();
        Instant recent = clock.instant().minusSeconds(3600);
        int deleted = 0;
        for (RequestFiles.StoredFile file : files.list(AccessPackages.FILE_PREFIX)) {
            if (!inUse.contains(file.name()) && file.createdAt().isBefore(recent)) {
                files.delete(file.requestId(), file.name());
                deleted++;
            }
        }
        return deleted;
    }
}
