package org.harmony.dsar.fulfilment;

/** The compliance officer's choice in "Lift restriction": lift it after the notice period, or keep it. */
public enum LiftDecision {
    LIFT,
    KEEP
}
