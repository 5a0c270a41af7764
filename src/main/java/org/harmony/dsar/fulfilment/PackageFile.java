package org.harmony.dsar.fulfilment;

/** A package zip as written: the request file's name, its size and its SHA-256 (hex). */
record PackageFile(String name, long size, String sha256) {
}
