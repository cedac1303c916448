package io.durable.api;

/**
 * The authenticated caller lacks the role an action needs (see {@link DurableRoles}).
 */
public class AccessDeniedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String caller;
    private final String action;
    private final String role;

    /**
     * Creates the exception.
     *
     * @param caller the caller's name
     * @param action what was refused, for example "pause"
     * @param role   a role that would have allowed it
     */
    public AccessDeniedException(String caller, String action, String role) {
        super("'" + caller + "' may not " + action + ": that needs the role '" + role + "'");
        this.caller = caller;
        this.action = action;
        this.role = role;
    }

    /**
     * The caller's name.
     *
     * @return the name
     */
    public String caller() {
        return caller;
    }

    /**
     * What was refused.
     *
     * @return the action
     */
    public String action() {
        return action;
    }

    /**
     * A role that would have allowed it.
     *
     * @return the role
     */
    public String role() {
        return role;
    }
}
