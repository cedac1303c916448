package io.durable.cdi.internal.access;

import io.durable.api.RunInfo;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.tracking.TrackingOwners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Objects;

/**
 * Resolves the {@link Caller} of the current thread, the one place that does: workflow code (an
 * active journal scope) is the system; else an authenticated person ({@link Persons}, Jakarta
 * Security where the server has it) with the tenant the application's {@code TrackingOwner} gives;
 * else the application with that tenant (the empty one without such a bean).
 */
@ApplicationScoped
public class Callers {

    @Inject
    TrackingOwners owners;

    @Inject
    Instance<Persons> persons;

    /**
     * The caller of the current thread.
     *
     * @return the caller
     */
    public Caller current() {
        if (Scope.current() != null) {
            return Caller.SYSTEM;
        }
        String tenant = owners.ofCaller();
        if (persons.isResolvable()) {
            Persons.Identity person = persons.get().current().orElse(null);
            if (person != null) {
                return new Caller.Person(person.name(), tenant, person.roles());
            }
        }
        return new Caller.Application(tenant);
    }

    /**
     * Whether the current caller sees the run, as {@code current().sees(run)}, without asking Jakarta
     * Security when the run is the caller's tenant's (every caller sees its own tenant's runs; only
     * whether it may see others' needs the person's roles, and asking for the person costs more than a
     * small run: on Payara the caller lookup parses the subject anew each time).
     *
     * @param run the run
     * @return whether the caller sees it
     */
    public boolean sees(RunInfo run) {
        if (Scope.current() != null || Objects.equals(run.owner(), owners.ofCaller())) {
            return true;
        }
        return current().sees(run);
    }
}
