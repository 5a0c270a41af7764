package org.harmony.dsar.fulfilment;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.kernel.RequestFiles;
import org.harmony.dsar.kernel.Sha256;
import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DsarRequest;
import org.springframework.stereotype.Component;

/**
 * The package's zip, streamed to a request file ({@link RequestFiles}, which every node reads): the report, one JSON
 * and one CSV file per source (none when only categories are disclosed), and a manifest; hashed as it is written.
 */
@Component
class PackageZip {

    private final AccessReport report;
    private final DataFiles data;
    private final ObjectMapper json;
    private final FulfilmentProperties properties;
    private final RequestFiles files;

    PackageZip(AccessReport report, DataFiles data, ObjectMapper json, FulfilmentProperties properties,
            RequestFiles files) {
        this.report = report;
        this.data = data;
        this.json = json;
        this.properties = properties;
        this.files = files;
    }

    PackageFile write(String file, DsarRequest request, List<LookupResult> results, boolean categoriesOnly,
            Instant now) {
        MessageDigest sha256 = Sha256.newDigest();
        long size = files.write(request.id(), file, stored -> {
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(new KeepOpen(stored)), sha256);
                    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                zip.putNextEntry(new ZipEntry("report.html"));
                report.write(request, results, categoriesOnly, now, zip);
                zip.closeEntry();
                List<Map<String, Object>> manifest = new ArrayList<>();
                for (LookupResult result : results) {
                    String name = result.source().name();
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("source", name);
                    item.put("title", result.source().title());
                    item.put("categories", result.source().categories());
                    if (!categoriesOnly) {
                        zip.putNextEntry(new ZipEntry("data/" + name + ".json"));
                        data.writeJson(result, zip);
                        zip.closeEntry();
                        zip.putNextEntry(new ZipEntry("data/" + name + ".csv"));
                        data.writeCsv(result, zip);
                        zip.closeEntry();
                        item.put("records", result.recordCount());
                        item.put("files", List.of("data/" + name + ".json", "data/" + name + ".csv"));
                    }
                    manifest.add(item);
                }
                Map<String, Object> head = new LinkedHashMap<>();
                head.put("reference", request.reference());
                head.put("requestType", request.type().name());
                head.put("scope", (categoriesOnly ? AccessScope.CATEGORIES : AccessScope.FULL).name());
                head.put("generatedAt", now.toString());
                head.put("controller", properties.companyName());
                head.put("sources", manifest);
                zip.putNextEntry(new ZipEntry("manifest.json"));
                json.writerWithDefaultPrettyPrinter().writeValue(new KeepOpen(zip), head);
                zip.closeEntry();
            }
        });
        return new PackageFile(file, size, HexFormat.of().formatHex(sha256.digest()));
    }
}
