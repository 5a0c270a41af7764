package org.harmony.dsar.request;

/** Where a request stands, as the requester's status page shows it. Set by the models (dsarStage property). */
public enum RequestStage {
    RECEIVED("We have received your request."),
    VERIFYING_IDENTITY("We are verifying your identity: please follow the instructions in our emails."),
    CHECKING_LEGAL_HOLDS("We are checking whether any legal duty affects your request."),
    FULFILLING("We are collecting and preparing your data."),
    IN_REVIEW("A member of our privacy team is reviewing the response."),
    COMPLETED("Your request is complete."),
    CLOSED_UNVERIFIED("Your request was closed because your identity could not be verified."),
    DENIED("We could not grant your request; our email explains why and what you can do.");

    private final String explanation;

    RequestStage(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
