package io.durable.spi;

/** What renewing a lease found. */
public enum LeaseState {
    /** Renewed; the run goes on. */
    HELD,
    /** Renewed, but an operator paused the run: it should park at its next step boundary. */
    HELD_PAUSED,
    /** Lost: another node claimed the run, or it was cancelled; its journal writes are refused. */
    LOST
}
