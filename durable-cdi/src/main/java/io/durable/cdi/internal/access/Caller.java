package io.durable.cdi.internal.access;

import io.durable.api.AccessDeniedException;
import io.durable.api.DurableRoles;
import io.durable.api.RunInfo;

import java.util.Objects;
import java.util.Set;

/**
 * Who calls the engine: the value every read and action of the {@code WorkflowEngine} is checked
 * against. Three kinds, and nothing else:
 * <ul>
 *   <li>{@link System}: workflow code (a journal scope is active), and the engine's own work
 *       (schedules, child runs): sees every run, is never checked;</li>
 *   <li>{@link Person}: an authenticated caller (Jakarta Security): sees its tenant's runs, or all with
 *       {@link DurableRoles#ADMIN}; acts only with {@link DurableRoles#OPERATOR} or admin, and is the
 *       actor of what it does;</li>
 *   <li>{@link Application}: code without an authenticated caller (a timer, a batch, an application
 *       without login): sees its tenant's runs, is not checked, and names its own actor.</li>
 * </ul>
 */
public sealed interface Caller permits Caller.System, Caller.Person, Caller.Application {

    /** The system. */
    Caller SYSTEM = new System();

    /**
     * The owner whose runs this caller sees.
     *
     * @return the owner (the empty owner included), or {@code null} when it sees every owner's
     */
    String scope();

    /**
     * Checks that this caller may take an operator action.
     *
     * @param action what it does, for example "pause run 42"
     * @throws AccessDeniedException when it is a person without the operator or admin role
     */
    void checkMayAct(String action);

    /**
     * Who is recorded as the actor of an action.
     *
     * @param given the actor the code passed
     * @return a person's name, else the actor given
     */
    String actor(String given);

    /**
     * Whether this caller sees a run.
     *
     * @param run the run
     * @return whether the run is of this caller's scope
     */
    default boolean sees(RunInfo run) {
        return scope() == null || scope().equals(run.owner());
    }

    /**
     * The owner filter of a listing: the one asked for where this caller sees every owner, else its
     * own (what it asked for is ignored).
     *
     * @param requested the query's owner filter, or {@code null} for every owner
     * @return the owner to filter by, or {@code null} for every owner
     */
    default String ownerFilter(String requested) {
        return scope() == null ? requested : scope();
    }

    /** Workflow code and the engine's own work. */
    record System() implements Caller {

        @Override
        public String scope() {
            return null;
        }

        @Override
        public void checkMayAct(String action) {
            // the system is not checked
        }

        @Override
        public String actor(String given) {
            return given;
        }
    }

    /**
     * An authenticated person.
     *
     * @param name   the caller principal's name
     * @param tenant its tenant (the application's {@code TrackingOwner}), empty without one
     * @param roles  which of the {@link DurableRoles} it holds
     */
    record Person(String name, String tenant, Set<String> roles) implements Caller {

        /** Validates and copies. */
        public Person {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tenant, "tenant");
            roles = Set.copyOf(roles);
        }

        /**
         * Whether it sees and acts on every tenant's runs.
         *
         * @return whether it holds {@link DurableRoles#ADMIN}
         */
        public boolean admin() {
            return roles.contains(DurableRoles.ADMIN);
        }

        @Override
        public String scope() {
            return admin() ? null : tenant;
        }

        @Override
        public void checkMayAct(String action) {
            if (!admin() && !roles.contains(DurableRoles.OPERATOR)) {
                throw new AccessDeniedException(name, action, DurableRoles.OPERATOR);
            }
        }

        @Override
        public String actor(String given) {
            return name;
        }
    }

    /**
     * Code without an authenticated caller.
     *
     * @param tenant its tenant (the application's {@code TrackingOwner}), empty without one
     */
    record Application(String tenant) implements Caller {

        /** Validates. */
        public Application {
            Objects.requireNonNull(tenant, "tenant");
        }

        @Override
        public String scope() {
            return tenant;
        }

        @Override
        public void checkMayAct(String action) {
            // no person: nothing to check
        }

        @Override
        public String actor(String given) {
            return given;
        }
    }
}
