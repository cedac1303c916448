package io.durable.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The named branches of a {@link DurableContext#parallel parallel} block and how their join treats
 * failures. Each branch is plain workflow code (steps, sleeps, signals, children); its journal
 * entries are kept under the branch's own path, so the branches may interleave freely.
 *
 * <pre>{@code
 * Map<String, Quote> quotes = ctx.parallel("quotes", Branches.<Quote>failFast()
 *         .add("ups", () -> carriers.quote("ups", parcel))
 *         .add("dhl", () -> carriers.quote("dhl", parcel)));
 * }</pre>
 *
 * @param <T> the branches' result type
 */
public final class Branches<T> {

    /** What the join does when a branch fails. */
    public enum Join {
        /** The first failure stops the other branches at their next durable call and fails the join. */
        FAIL_FAST,
        /** Every branch runs to its end; the join then fails with every branch's failure. */
        WAIT_FOR_ALL
    }

    private final Join join;
    private final Map<String, Callable<? extends T>> branches = new LinkedHashMap<>();

    private Branches(Join join) {
        this.join = join;
    }

    /**
     * Branches whose join fails at the first failure (the default of most fork/join code).
     *
     * @param <T> the result type
     * @return an empty set of branches
     */
    public static <T> Branches<T> failFast() {
        return new Branches<>(Join.FAIL_FAST);
    }

    /**
     * Branches that all run to their end; the join reports every failure.
     *
     * @param <T> the result type
     * @return an empty set of branches
     */
    public static <T> Branches<T> waitForAll() {
        return new Branches<>(Join.WAIT_FOR_ALL);
    }

    /**
     * Adds a branch.
     *
     * @param name a name unique among these branches: 1 to 100 characters, without {@code /} or
     *             {@code #}, not starting with {@code @}
     * @param body the branch's code
     * @return these branches
     * @throws WorkflowUsageException when the name is invalid or taken
     */
    public Branches<T> add(String name, Callable<? extends T> body) {
        Objects.requireNonNull(body, "body");
        if (name == null || name.isBlank() || name.length() > Limit.BLOCK_NAME.max() || name.contains("/") || name.contains("#")
                || name.startsWith("@")) {
            throw new WorkflowUsageException("Branch name '" + name + "' must be 1 to " + Limit.BLOCK_NAME.max()
                    + " characters (" + Limit.BLOCK_NAME.key() + ") without '/' or '#', not starting with '@'");
        }
        if (branches.putIfAbsent(name, body) != null) {
            throw new WorkflowUsageException("Branch name '" + name + "' is used twice in one parallel block; "
                    + "branch names must be unique, they key the branches' journal entries");
        }
        return this;
    }

    /**
     * The join policy.
     *
     * @return fail fast or wait for all
     */
    public Join join() {
        return join;
    }

    /**
     * The branches in the order they were added.
     *
     * @return name to body, unmodifiable
     */
    public Map<String, Callable<? extends T>> branches() {
        return Collections.unmodifiableMap(branches);
    }
}
