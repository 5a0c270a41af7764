package org.harmony.dsar.requester;

/** Something a requester's page cannot do, shown as a page that says what happened and what to do now. */
public class PageProblem extends RuntimeException {

    private final int status;
    private final String type;

    public PageProblem(int status, String type) {
        super(type, null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
