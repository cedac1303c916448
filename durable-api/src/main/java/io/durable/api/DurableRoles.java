package io.durable.api;

/**
 * The Jakarta Security roles the engine and the operator module check when a person acts, by their
 * default names. An application maps its users or groups to these roles (for example with
 * {@code @DeclareRoles} and its server's role mapping).
 *
 * <ul>
 *   <li>{@link #VIEWER} reads runs, steps, signals and approvals of the caller's tenant;</li>
 *   <li>{@link #OPERATOR} also acts: signal, approve, reject, pause, unpause, cancel, retry;</li>
 *   <li>{@link #ADMIN} does all of that for every tenant.</li>
 * </ul>
 * Workflow code, schedules and child runs act as the system and are not checked.
 */
public final class DurableRoles {

    /** Reads runs of the caller's tenant. */
    public static final String VIEWER = "durable-viewer";

    /** Reads and acts on runs of the caller's tenant. */
    public static final String OPERATOR = "durable-operator";

    /** Reads and acts on the runs of every tenant. */
    public static final String ADMIN = "durable-admin";

    private DurableRoles() {
    }
}
