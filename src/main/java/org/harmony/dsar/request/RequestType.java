package org.harmony.dsar.request;

import java.util.Set;

/** The rights a requester can exercise, and the laws that give those only some of them give. */
public enum RequestType {
    ACCESS("access to your personal data"),
    PORTABILITY("a portable copy of your personal data"),
    ERASURE("erasure of your personal data"),
    RECTIFICATION("correction of your personal data"),
    RESTRICTION("restriction of processing"),
    OBJECTION("objection to processing"),
    WITHDRAW_CONSENT("withdrawal of consent"),
    OPT_OUT_OF_SALE("opt-out of sale or sharing"),
    /** Cal. Civ. Code 1798.121: limit the use and disclosure of sensitive personal information. */
    LIMIT_SENSITIVE_USE("limiting the use of your sensitive personal information", Jurisdiction.US_CA);

    private final String description;
    private final Set<Jurisdiction> onlyUnder;

    RequestType(String description, Jurisdiction... onlyUnder) {
        this.description = description;
        this.onlyUnder = Set.of(onlyUnder);
    }

    /** How the request is named to the requester. */
    public String description() {
        return description;
    }

    /** Whether the law of the jurisdiction gives this right (a right no law restricts is offered under every one). */
    public boolean offeredUnder(Jurisdiction jurisdiction) {
        return onlyUnder.isEmpty() || onlyUnder.contains(jurisdiction);
    }
}
