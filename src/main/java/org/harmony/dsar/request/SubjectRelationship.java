package org.harmony.dsar.request;

import java.util.Locale;

/** Who makes a request, relative to the person it concerns; the VerificationLevel table decides by it. */
public enum SubjectRelationship {
    /** The data subject asks for themselves. */
    SUBJECT,
    /** An authorised agent acts for the subject (CCPA 11 CCR 7063, a representative under GDPR). */
    AGENT,
    /** A parent or guardian acts for a child. */
    PARENT;

    /** From the agent details given at intake: none is the subject; "parent" or "guardian" is a parent. */
    public static SubjectRelationship of(DsarRequest.Agent agent) {
        if (agent == null) {
            return SUBJECT;
        }
        String relationship = agent.relationship() == null ? "" : agent.relationship().toLowerCase(Locale.ROOT);
        return relationship.contains("parent") || relationship.contains("guardian") ? PARENT : AGENT;
    }
}
