package org.harmony.dsar.kernel;

import java.util.Set;

/**
 * The document types a requester or an officer may upload (identity evidence, a scanned letter): PDF, PNG and JPEG,
 * recognised by their first bytes, not by the type the client claims.
 */
public final class ScannedDocuments {

    public static final Set<String> TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    private ScannedDocuments() {
    }

    /** Whether the content starts as a document of the given type does; false for any other type. */
    public static boolean looksLike(String contentType, byte[] content) {
        return switch (contentType) {
            case "application/pdf" -> startsWith(content, 0x25, 0x50, 0x44, 0x46, 0x2D);
            case "image/png" -> startsWith(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/jpeg" -> startsWith(content, 0xFF, 0xD8, 0xFF);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
