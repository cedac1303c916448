package io.durable.jpa.engine;

import io.durable.track.TrackingOwner;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Every caller belongs to tenant {@code tenant-a}. */
@ApplicationScoped
public class FixedOwner implements TrackingOwner {

    @Override
    public Optional<String> currentOwner() {
        return Optional.of("tenant-a");
    }
}
