package org.harmony.dsar.system;

import java.nio.file.Path;

import org.harmony.dsar.kernel.RequestFiles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the files of requests are kept ({@link RequestFiles}).
 *
 * @param type       {@code database} (default: every node reads them, one backup, deleted with the request's rows)
 *                   or {@code directory} (a single node, or a directory every node mounts)
 * @param directory  the directory of {@code directory}
 * @param chunkSize  the size of one row of a file in the database: what a write or read holds in memory at once
 */
@ConfigurationProperties("dsar.storage")
public record StorageProperties(
        @DefaultValue("database") Type type,
        @DefaultValue("./data/files") Path directory,
        @DefaultValue("256KB") DataSize chunkSize) {

    public enum Type { DATABASE, DIRECTORY }
}
