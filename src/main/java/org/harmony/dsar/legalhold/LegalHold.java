package org.harmony.dsar.legalhold;

import java.time.Instant;
import java.time.LocalDate;
import org.harmony.dsar.lookup.SubjectKey;

/**
 * One legal hold: what it keeps (a subject, possibly only in one source or category; a whole source; a whole data
 * category), for which matter, on which ground, who placed it and until when it is to be reviewed. A released hold
 * stays in the registry with who released it and why.
 */
public record LegalHold(
        String id,
        String matterReference,
        Scope scope,
        SubjectKey.Type subjectKeyType,
        String subjectHash,
        String sourceName,
        String category,
        String reasonCode,
        String note,
        String placedBy,
        Instant placedAt,
        LocalDate reviewAt,
        Instant releasedAt,
        String releasedBy,
        String releaseNote) {

    /** What a hold is on. */
    public enum Scope {
        /** One data subject, in every source, or only in {@code sourceName} and/or {@code category} when set. */
        SUBJECT,
        /** Every subject's data in one source. */
        SOURCE,
        /** Every subject's data in each source that holds the data category. */
        CATEGORY
    }

    public boolean active() {
        return releasedAt == null;
    }

    /** What the hold covers, in words without personal data, for reviewers and logs. */
    public String describeScope() {
        String where = (sourceName == null ? "" : " in source " + sourceName)
                + (category == null ? "" : " in category '" + category + "'");
        return switch (scope) {
            case SUBJECT -> "the subject (by " + subjectKeyType.name().toLowerCase().replace('_', ' ') + ")"
                    + (where.isEmpty() ? " in every source" : where);
            case SOURCE -> "every subject" + where;
            case CATEGORY -> "every subject" + where;
        };
    }
}
