package org.harmony.dsar.request;

/**
 * The officer's decision in "Review response" on sending the package to the other controller the requester named
 * (GDPR Art 20(2)).
 */
public enum TransmissionDecision {
    TRANSMIT,
    REFUSE
}
