package org.harmony.dsar.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.harmony.dsar.kernel.AfterCommit;
import org.harmony.dsar.kernel.RequestFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Request files in a directory, one sub-directory per request: for a single node, or a directory every node mounts.
 * A file is written beside its name and moved into place when complete; deletes wait for the surrounding
 * transaction's commit, so a rollback leaves the file for the row that still points to it.
 */
@Component
@ConditionalOnProperty(prefix = "dsar.storage", name = "type", havingValue = "directory")
class DirectoryRequestFiles implements RequestFiles {

    private static final Logger log = LoggerFactory.getLogger(DirectoryRequestFiles.class);
    private static final String PARTIAL = ".part";

    private final Path root;

    DirectoryRequestFiles(StorageProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
    }

    @Override
    public long write(String requestId, String name, Content content) {
        Path file = file(requestId, name);
        Path partial = file.resolveSibling(file.getFileName() + PARTIAL);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(file);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("File " + name + " was not written", e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    @Override
    public InputStream open(String requestId, String name) {
        try {
            return Files.newInputStream(file(requestId, name));
        } catch (NoSuchFileException e) {
            throw new Missing(requestId, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String requestId, String name) {
        return Files.isRegularFile(file(requestId, name));
    }

    @Override
    public void delete(String requestId, String name) {
        Path file = file(requestId, name);
        AfterCommit.run(() -> deleteQuietly(file));
    }

    @Override
    public void deleteAll(String requestId, String namePrefix) {
        Path dir = directory(requestId);
        AfterCommit.run(() -> {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(file -> file.getFileName().toString().startsWith(namePrefix))
                        .forEach(DirectoryRequestFiles::deleteQuietly);
                try (Stream<Path> left = Files.list(dir)) {
                    if (left.findAny().isEmpty()) {
                        deleteQuietly(dir);
                    }
                }
            } catch (IOException e) {
                log.warn("Files of a request could not be deleted; they are deleted at the next cleanup", e);
            }
        });
    }

    @Override
    public List<StoredFile> list(String namePrefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredFile> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = file.getFileName().toString();
                        if (name.startsWith(namePrefix)) {
                            found.add(new StoredFile(dir.getFileName().toString(), name,
                                    Files.getLastModifiedTime(file).toInstant()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Files directory could not be listed", e);
        }
        return found;
    }

    private Path directory(String requestId) {
        return root.resolve(safe(requestId));
    }

    private Path file(String requestId, String name) {
        return directory(requestId).resolve(safe(name));
    }

    /** A request id or file name, refused when it could leave its directory or key. */
    static String safe(String part) {
        if (part.isEmpty() || part.contains("/") || part.contains("\\") || part.equals("..") || part.equals(".")) {
            throw new IllegalArgumentException("Not a file name: " + part);
        }
        return part;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("A request file could not be deleted; it is deleted at the next cleanup", e);
        }
    }
}
