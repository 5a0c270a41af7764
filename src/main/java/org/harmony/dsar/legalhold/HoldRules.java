package org.harmony.dsar.legalhold;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.RetentionRule;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.SubjectKey;
import org.harmony.dsar.request.RequestType;

/**
 * Which holds and retention rules keep which of a subject's data, per source and table: the rule evaluation,
 * without database or engine. A hold keeps everything it covers; a retention rule (erasure only) keeps the rows
 * inside its period; anything else may be acted on.
 */
public final class HoldRules {

    private HoldRules() {
    }

    /** What may happen to one table of one source. */
    public enum Decision { ACT, KEEP, KEEP_RECENT }

    /**
     * The verdict for one table (for requests other than erasure, one per source, table {@code *}).
     *
     * @param holdId     the hold that keeps it (decision KEEP)
     * @param keepColumn the retention rule's date column (KEEP_RECENT)
     */
    public record Item(String sourceName, String table, String category, Decision decision, String reasonCode,
            String holdId, String keepColumn, RetentionRule retention) {
    }

    /** The whole verdict, with the counts the decision table reads. */
    public record Verdict(List<Item> items, int subjectHolds, int otherHolds, int retentionKeeps) {
        public int holdsFound() {
            return subjectHolds + otherHolds;
        }

        public boolean everythingKept() {
            return !items.isEmpty() && items.stream().allMatch(item -> item.decision() == Decision.KEEP);
        }

        public Set<String> holdIds() {
            Set<String> ids = new LinkedHashSet<>();
            items.forEach(item -> {
                if (item.holdId() != null) {
                    ids.add(item.holdId());
                }
            });
            return ids;
        }
    }

    /**
     * @param holds   the holds in force
     * @param subject the keys of the request's subject (email and the identifiers the requester gave)
     */
    public static Verdict evaluate(RequestType type, Collection<SubjectKey> subject, Collection<LegalHold> holds,
            List<Source> sources) {
        List<Item> items = new ArrayList<>();
        Set<String> subjectHolds = new LinkedHashSet<>();
        Set<String> otherHolds = new LinkedHashSet<>();
        int retentionKeeps = 0;
        for (LegalHold hold : holds) {
            if (hold.active() && hold.scope() == LegalHold.Scope.SUBJECT && covers(hold, subject)) {
                subjectHolds.add(hold.id());
            }
        }
        for (Source source : sources) {
            if (type == RequestType.ERASURE) {
                for (ErasureAction action : source.erasure()) {
                    Item item = item(source, action, subject, holds);
                    items.add(item);
                    if (item.decision() == Decision.KEEP_RECENT) {
                        retentionKeeps++;
                    }
                }
            } else {
                Optional<LegalHold> hold = holding(source, subject, holds);
                items.add(hold.map(h -> new Item(source.name(), "*", h.category(), Decision.KEEP, h.reasonCode(),
                        h.id(), null, null))
                        .orElseGet(() -> new Item(source.name(), "*", null, Decision.ACT, null, null, null, null)));
            }
        }
        for (Item item : items) {
            if (item.holdId() != null && !subjectHolds.contains(item.holdId())) {
                otherHolds.add(item.holdId());
            }
        }
        return new Verdict(List.copyOf(items), subjectHolds.size(), otherHolds.size(), retentionKeeps);
    }

    /** The verdict for one erasure action: a hold keeps it all, else its retention rule keeps recent rows. */
    public static Item item(Source source, ErasureAction action, Collection<SubjectKey> subject,
            Collection<LegalHold> holds) {
        Optional<LegalHold> hold = holding(source, subject, holds);
        if (hold.isPresent()) {
            return new Item(source.name(), action.table(), hold.get().category(), Decision.KEEP,
                    hold.get().reasonCode(), hold.get().id(), null, null);
        }
        RetentionRule rule = action.retention();
        if (rule != null) {
            return new Item(source.name(), action.table(), rule.category(), Decision.KEEP_RECENT, rule.reasonCode(),
                    null, rule.column(), rule);
        }
        return new Item(source.name(), action.table(), null, Decision.ACT, null, null, null, null);
    }

    /** Rows at or after this instant are inside the rule's period and kept. */
    public static Instant keepFrom(RetentionRule rule, Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(rule.period()).toInstant();
    }

    /** The first hold in force (oldest first, as given) that covers the subject's data in the source. */
    static Optional<LegalHold> holding(Source source, Collection<SubjectKey> subject, Collection<LegalHold> holds) {
        return holds.stream().filter(LegalHold::active).filter(hold -> applies(hold, source, subject)).findFirst();
    }

    /** Whether the hold keeps the data in the source of the subject with these keys. */
    public static boolean applies(LegalHold hold, Source source, Collection<SubjectKey> subject) {
        boolean inSource = hold.sourceName() == null || hold.sourceName().equals(source.name());
        boolean inCategory = hold.category() == null || hasCategory(source, hold.category());
        return switch (hold.scope()) {
            case SUBJECT -> covers(hold, subject) && inSource && inCategory;
            case SOURCE -> hold.sourceName() != null && hold.sourceName().equals(source.name());
            case CATEGORY -> hold.category() != null && hasCategory(source, hold.category());
        };
    }

    private static boolean covers(LegalHold hold, Collection<SubjectKey> subject) {
        return hold.subjectKeyType() != null
                && subject.contains(new SubjectKey(hold.subjectKeyType(), hold.subjectHash()));
    }

    /**
     * Whether the hold keeps any of the source's records: a routine deletion that does not know whose each record
     * is leaves the whole source alone while such a hold is in force.
     */
    public static boolean keepsAnyOf(LegalHold hold, Source source) {
        boolean inSource = hold.sourceName() == null || hold.sourceName().equals(source.name());
        boolean inCategory = hold.category() == null || hasCategory(source, hold.category());
        return hold.active() && switch (hold.scope()) {
            case SUBJECT -> inSource && inCategory;
            case SOURCE -> hold.sourceName() != null && hold.sourceName().equals(source.name());
            case CATEGORY -> hold.category() != null && hasCategory(source, hold.category());
        };
    }

    /** Whether the source holds the category (as the catalogue names its categories, case ignored). */
    public static boolean hasCategory(Source source, String category) {
        String wanted = category.strip().toLowerCase(Locale.ROOT);
        return source.categories().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(wanted))
                || source.erasure().stream().anyMatch(a -> a.retention() != null && a.retention().category() != null
                        && a.retention().category().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
