package io.durable.bench.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The driver's REST API under {@code /api}. */
@ApplicationPath("api")
public class BenchApplication extends Application {
}
