package io.durable.sample.portable;

/**
 * A real application server process running the sample, as {@link PortableSuite} drives it: each
 * server under test (Payara Micro, Payara Server, GlassFish, WildFly, Open Liberty) has one.
 * Everything listens on 127.0.0.1 only, on ports below 32768.
 */
public interface SampleServer extends AutoCloseable {

    /** The server's name and version as the suite prints it, for example {@code GlassFish 7.0.21}. */
    String name();

    /** Starts the server and returns when it accepts a deployment (or, where starting deploys, when the API answers). */
    void start() throws Exception;

    /** Deploys the sample and returns when its API answers; does nothing where {@link #start} deploys it. */
    void deploy() throws Exception;

    /**
     * The sample's REST API, ending in {@code /}: the sample's own resources and, under
     * {@code durable/}, the operator API.
     */
    String api();

    /** A real {@code kill -9} of the server process; returns once the process is gone. */
    void kill() throws Exception;

    /** Ends the server process if it still runs; every file it wrote stays for the build output. */
    @Override
    void close() throws Exception;
}
