package io.durable.cdi.internal.platform;

import io.durable.spi.TransactionRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.concurrent.Callable;

/**
 * JTA demarcation through {@code @Transactional}: each call runs in a new transaction that rolls back
 * on any exception, checked ones included. In Java SE without a JTA interceptor the work simply runs;
 * a resource-local store brings its own {@link TransactionRunner} as an alternative.
 */
@ApplicationScoped
class JtaTransactionRunner implements TransactionRunner {

    @Override
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public <T> T inNewTransaction(Callable<T> work) throws Exception {
        return work.call();
    }
}
