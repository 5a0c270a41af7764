package org.harmony.dsar.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency samples of one stage, in milliseconds. */
final class Stats {

    private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());

    void add(long millis) {
        samples.add(millis);
    }

    long percentile(double p) {
        List<Long> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", samples.size());
        summary.put("p50Millis", percentile(50));
        summary.put("p95Millis", percentile(95));
        return summary;
    }
}
