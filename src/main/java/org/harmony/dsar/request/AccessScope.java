package org.harmony.dsar.request;

/** How much an access or portability request discloses. */
public enum AccessScope {
    /** The specific pieces of data, with the facts of each source. */
    FULL,
    /**
     * The categories of data, sources, purposes and recipients only: the identity could not be verified to the
     * degree that disclosing specific pieces needs (CCPA, 11 CCR 7062(e)).
     */
    CATEGORIES
}
