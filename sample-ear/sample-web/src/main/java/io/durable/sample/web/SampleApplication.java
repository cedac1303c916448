package io.durable.sample.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's REST API under {@code /api}. */
@ApplicationPath("api")
public class SampleApplication extends Application {
}
