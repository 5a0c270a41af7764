package org.harmony.dsar.request;

/** How a request reached the company. */
public enum Channel {
    /** The public requester API ({@code POST /api/requests}). */
    API,
    /** A mail to a privacy mailbox, triaged by a compliance officer. */
    EMAIL,
    LETTER,
    PHONE,
    IN_PERSON
}
