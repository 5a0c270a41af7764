package org.harmony.dsar.legalhold;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.harmony.dsar.legalhold.HoldRules.Decision;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.springframework.stereotype.Component;

/** What the reviewers read of the request's latest check: matter references and reason codes, no personal data. */
@Component
public class LegalHoldSummaries {

    private final LegalHoldCheckRepository checks;
    private final LegalHoldRegistry registry;
    private final DataSourceCatalogue catalogue;

    LegalHoldSummaries(LegalHoldCheckRepository checks, LegalHoldRegistry registry, DataSourceCatalogue catalogue) {
        this.checks = checks;
        this.registry = registry;
        this.catalogue = catalogue;
    }

    /**
     * What the legal reviewer reads: the holds and retention rules that apply and what would be kept, per source
     * and table.
     */
    public String reviewSummary(String requestId) {
        List<CheckedItem> items = checks.latestCheck(requestId);
        List<String> lines = new ArrayList<>();
        items.stream().map(CheckedItem::holdId).filter(Objects::nonNull).distinct().forEach(holdId ->
                registry.find(holdId).ifPresent(hold -> lines.add("Hold " + hold.id() + " (matter "
                        + hold.matterReference() + ", " + hold.reasonCode() + ", placed by " + hold.placedBy()
                        + ", review by " + hold.reviewAt() + "): keeps " + hold.describeScope()
                        + (hold.active() ? "" : " [released since]"))));
        for (CheckedItem item : items) {
            String what = title(item) + ("*".equals(item.table()) ? "" : " (" + item.table() + ")");
            lines.add(switch (item.decision()) {
                case KEEP -> "Keep all: " + what + " - " + item.reasonCode() + ", hold " + item.holdId();
                case KEEP_RECENT -> "Keep within retention: " + what + " - " + item.reasonCode()
                        + retentionPeriod(item) + (item.category() == null ? "" : ", category " + item.category());
                case ACT -> "May act: " + what;
            });
        }
        return lines.isEmpty() ? "No sources to check." : String.join("\n", lines);
    }

    /** For the response reviewer: what the latest check keeps back, per source. */
    public List<String> keptBack(String requestId) {
        List<String> lines = new ArrayList<>();
        for (CheckedItem item : checks.latestCheck(requestId)) {
            if (item.decision() == Decision.KEEP) {
                lines.add(title(item) + ": all kept under legal hold " + item.holdId() + " (" + item.reasonCode()
                        + ")");
            } else if (item.decision() == Decision.KEEP_RECENT) {
                lines.add(title(item) + ": records inside the retention period kept (" + item.reasonCode()
                        + retentionPeriod(item) + ")");
            }
        }
        return lines;
    }

    private String title(CheckedItem item) {
        return catalogue.find(item.sourceName()).map(Source::title).orElse(item.sourceName());
    }

    private String retentionPeriod(CheckedItem item) {
        return catalogue.find(item.sourceName()).flatMap(source -> source.erasure().stream()
                .filter(action -> action.table().equals(item.table()) && action.retention() != null)
                .findFirst()).map(action -> ", " + action.retention().period() + " by " + action.retention().column())
                .orElse("");
    }
}
