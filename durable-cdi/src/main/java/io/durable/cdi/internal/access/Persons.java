package io.durable.cdi.internal.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The authenticated person on the current thread, where the server tells it. */
public interface Persons {

    /**
     * The authenticated person calling now.
     *
     * @return its name and durable roles, or empty when no one is authenticated on this thread
     */
    Optional<Identity> current();

    /**
     * An authenticated person.
     *
     * @param name  the caller principal's name
     * @param roles which of the {@link io.durable.api.DurableRoles} it holds
     */
    record Identity(String name, Set<String> roles) {

        /** Validates and copies. */
        public Identity {
            Objects.requireNonNull(name, "name");
            roles = Set.copyOf(roles);
        }
    }
}
