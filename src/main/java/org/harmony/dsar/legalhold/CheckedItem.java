package org.harmony.dsar.legalhold;

import org.harmony.dsar.legalhold.HoldRules.Decision;

/** One table's verdict in a recorded check. */
record CheckedItem(String sourceName, String table, String category, Decision decision, String reasonCode,
        String holdId) {
}
