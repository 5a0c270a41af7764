package org.harmony.dsar.intake;

/** The rights a requester can exercise. */
public enum RequestType {
    ACCESS("access to your personal data"),
    PORTABILITY("a portable copy of your personal data"),
    ERASURE("erasure of your personal data"),
    RECTIFICATION("correction of your personal data"),
    RESTRICTION("restriction of processing"),
    OBJECTION("objection to processing"),
    WITHDRAW_CONSENT("withdrawal of consent"),
    OPT_OUT_OF_SALE("opt-out of sale or sharing");

    private final String description;

    RequestType(String description) {
        this.description = description;
    }

    /** How the request is named to the requester. */
    public String description() {
        return description;
    }
}
