package org.harmony.dsar.appeal;

/** The reviewer's choice in "Decide appeal"; EXTEND only once and only where the law gives an extension. */
public enum AppealDecision {
    GRANT,
    DENY,
    EXTEND
}
