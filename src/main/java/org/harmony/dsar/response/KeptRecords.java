package org.harmony.dsar.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.fulfilment.SubjectErasure;
import org.harmony.dsar.legalhold.LegalGrounds;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.request.DsarRequest;
import org.springframework.stereotype.Component;

/** What an erasure kept, per source and ground (the evidence), for the "what we kept and why" section. */
@Component
class KeptRecords {

    private final SubjectErasure erasure;
    private final DataSourceCatalogue catalogue;

    KeptRecords(SubjectErasure erasure, DataSourceCatalogue catalogue) {
        this.erasure = erasure;
        this.catalogue = catalogue;
    }

    /** A source where an erasure kept records: how many, and the ground, in the requester's language. */
    record Kept(String source, int records, String reasonCode, String ground, boolean legalHold) {
        /** As the templates read it. */
        Map<String, Object> asModel() {
            return Map.of("source", source, "records", records, "reasonCode", reasonCode, "ground", ground,
                    "legalHold", legalHold);
        }
    }

    List<Kept> of(DsarRequest request) {
        Map<String, Kept> bySourceAndGround = new LinkedHashMap<>();
        for (SubjectErasure.Evidence item : erasure.evidence(request.id())) {
            if (item.rowsKept() == 0) {
                continue;
            }
            String key = item.sourceName() + "|" + item.keptReason();
            Kept earlier = bySourceAndGround.get(key);
            String title = catalogue.find(item.sourceName()).map(Source::title).orElse(item.sourceName());
            bySourceAndGround.put(key, new Kept(title, item.rowsKept() + (earlier == null ? 0 : earlier.records()),
                    item.keptReason(), LegalGrounds.describe(item.keptReason(), request.language()),
                    item.legalHoldId() != null || (earlier != null && earlier.legalHold())));
        }
        return new ArrayList<>(bySourceAndGround.values());
    }
}
