package io.durable.spi;

/**
 * Claims what a node may execute now: pending runs and runs whose lease expired. The engine calls it
 * periodically itself; a scheduler module (EJB timers) may call it as well.
 */
public interface RecoverySweep {

    /** Claims and starts what is claimable, as far as this node has free execution slots. */
    void sweep();
}
