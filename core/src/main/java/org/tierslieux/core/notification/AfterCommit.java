package org.tierslieux.core.notification;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * Runs work once the current transaction has committed (at once when there is none), on a worker thread. A
 * rolled-back transaction drops it; a failure of the work is logged and goes no further, since the work is a
 * side effect (a mail) of something that has already happened.
 */
@ApplicationScoped
class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class);

    private final TransactionSynchronizationRegistry transactions;

    AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    void submit(String what, Runnable work) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        start(what, work);
                    }
                }
            });
        } else {
            start(what, work);
        }
    }

    private static void start(String what, Runnable work) {
        try {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not send %s", what);
                }
            });
        } catch (RuntimeException e) {
            // a pool that refuses work (shutting down) must not reach the committed transaction's caller
            LOG.errorf(e, "Could not send %s", what);
        }
    }
}
