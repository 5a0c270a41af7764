package org.harmony.dsar.kernel.web;


/**
 * How {@code ApiGuardFilter} refuses a privacy center page (too many requests, a body too large): it forwards, as a
 * GET without a body, to {@link #PATH} with the status and the problem type as request attributes, and the privacy
 * center answers with a page in the page's language. The API keeps problem+json.
 */
public final class PageRefusal {

    public static final String PATH = "/privacy/refused";
    public static final String STATUS = PageRefusal.class.getName() + ".status";
    public static final String TYPE = PageRefusal.class.getName() + ".type";

    private PageRefusal() {
    }
}
