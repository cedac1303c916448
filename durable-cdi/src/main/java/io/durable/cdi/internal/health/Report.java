package io.durable.cdi.internal.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A check's answer, built with {@link HealthCheckResponse}'s constructor rather than its builder: the
 * builder needs the Health implementation's provider, which Java SE (the engine's tests) does not have,
 * while every implementation serializes the response by its getters.
 */
final class Report {

    private final String name;
    private final Map<String, Object> data = new LinkedHashMap<>();

    Report(String name) {
        this.name = name;
    }

    Report with(String key, Object value) {
        if (value != null) {
            data.put(key, value instanceof Number || value instanceof Boolean ? value : value.toString());
        }
        return this;
    }

    HealthCheckResponse up() {
        return answer(HealthCheckResponse.Status.UP);
    }

    HealthCheckResponse down(String reason) {
        return with("reason", reason).answer(HealthCheckResponse.Status.DOWN);
    }

    private HealthCheckResponse answer(HealthCheckResponse.Status status) {
        return new HealthCheckResponse(name, status, data.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(data)));
    }
}
