package io.durable.cdi.internal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an action once the caller's JTA transaction has committed, or at once when there is none.
 * A run started (or signalled) inside the application's transaction exists for other threads only
 * after that commit; handing it to a worker earlier would have the worker miss it.
 */
@ApplicationScoped
public class AfterCommit {

    static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    private volatile TransactionSynchronizationRegistry registry;
    private volatile boolean looked;

    /** Whether the caller runs in a JTA transaction of its own, which a store call would join. */
    public boolean inCallerTransaction() {
        TransactionSynchronizationRegistry transactions = registry();
        return transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    public void run(Runnable action) {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        try {
                            action.run();
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "An after-commit action failed; the sweep catches up", e);
                        }
                    }
                }
            });
        } else {
            action.run();
        }
    }

    private TransactionSynchronizationRegistry registry() {
        if (!looked) {
            try {
                registry = (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
            } catch (NamingException | RuntimeException | LinkageError e) {
                LOG.fine(() -> "No " + REGISTRY + " (not in an application server): actions run at once");
            }
            looked = true;
        }
        return registry;
    }
}
