package org.harmony.dsar.kernel;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must not happen unless the transaction commits, such as deleting a file whose row is marked deleted: a
 * rollback then leaves the file in place for the row that still points to it.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs the action once the current transaction commits; at once when no transaction is active. */
    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
