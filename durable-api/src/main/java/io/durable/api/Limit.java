package io.durable.api;

import java.util.Objects;

/**
 * The one table of limits on what the library stores. Every store (JPA on H2, PostgreSQL and
 * MariaDB, and the in-memory test store) refuses a value over its limit with a
 * {@link LimitExceededException} before writing anything, and the engine checks the same limits
 * at the call that produced the value, so a value is read back equal or refused at its first write.
 * Texts the engine builds itself (error messages, reasons, what a run waits for) are
 * {@link #fit shortened} instead of refused.
 *
 * <p>Texts are counted in characters ({@link String#length()}), which is what the {@code VARCHAR}
 * columns of all three databases count; their column lengths equal these limits (a test compares
 * them). Payloads are counted in bytes of UTF-8 JSON: they live in unbounded text columns ({@code CLOB}
 * on H2, {@code TEXT} on PostgreSQL, {@code LONGTEXT} on MariaDB) whose own limits are far larger,
 * but MariaDB refuses a statement larger than its {@code max_allowed_packet} (16 MiB by default),
 * and a run's row is read whole at every resume: 4 MiB keeps the largest payload, even with every
 * character escaped by the driver, well inside the packet, and keeps a resume cheap. Larger data
 * belongs in the application's own tables, with its key in the payload.
 */
public enum Limit {

    /** A run's business key ({@code durable_run.instance_id}). */
    INSTANCE_ID("durable.instance-id", "instance id", 200, Unit.CHARACTERS,
            "use a shorter business key, or a hash of it"),
    /** The owner (tenant) of a run ({@code durable_run.owner_id}), as the application's {@code TrackingOwner} gives it. */
    OWNER("durable.owner", "owner", 200, Unit.CHARACTERS, "use a shorter tenant or owner id"),
    /** A workflow's name ({@code durable_run.workflow_name}), checked at deployment. */
    WORKFLOW_NAME("durable.workflow-name", "workflow name", 150, Unit.CHARACTERS, "shorten the @Workflow name"),
    /** A step's name as declared, checked at deployment; leaves room for the engine's prefixes in {@link #ENTRY_NAME}. */
    STEP_NAME("durable.step-name", "step name", 150, Unit.CHARACTERS, "shorten the @DurableStep name"),
    /** The name of a journal entry: a step's name, or an engine entry such as {@code @signal:NAME} ({@code durable_step.name}). */
    ENTRY_NAME("durable.entry-name", "journal entry name", 200, Unit.CHARACTERS, "shorten the step or signal name"),
    /** The name of a parallel block or branch, or of a version marker's change id: a segment of step keys. */
    BLOCK_NAME("durable.block-name", "block or branch name", 100, Unit.CHARACTERS,
            "shorten the name of the parallel block, branch or change id"),
    /**
     * A journal entry's key: the names of the parallel blocks and branches it is nested in, and its
     * own name and occurrence ({@code durable_step.step_key}, {@code durable_run.parent_step_key}).
     */
    STEP_KEY("durable.step-key", "step key", 400, Unit.CHARACTERS,
            "shorten the names of parallel blocks/branches, or nest fewer of them"),
    /**
     * How many parallel blocks a step key is nested in (each level adds a block and a branch segment,
     * so a key holds at most twice this many {@code /}); every level holds a thread per branch.
     */
    PARALLEL_DEPTH("durable.parallel-depth", "parallel nesting", 8, Unit.LEVELS,
            "nest fewer parallel blocks inside each other"),
    /**
     * A signal's name as stored ({@code durable_signal.name}). Declared signal names are at most 100
     * characters (checked at deployment), which leaves room for the engine's own signals, such as
     * {@code @approval:KEY}.
     */
    SIGNAL_NAME("durable.signal-name", "signal name", 150, Unit.CHARACTERS, "shorten the @Signal name"),
    /** What a parked run waits for, built by the engine ({@code durable_run.waiting_for}); shortened. */
    WAITING_FOR("durable.waiting-for", "waiting-for text", 200, Unit.CHARACTERS, "shorten it"),
    /** The signal name or list a parked run waits for ({@code durable_run.awaited_signal}); the engine waits for any signal instead. */
    AWAITED_SIGNAL("durable.awaited-signal", "awaited signal list", 150, Unit.CHARACTERS, "wait for fewer signals at once"),
    /** An approval's key ({@code durable_approval.approval_key}). */
    APPROVAL_KEY("durable.approval-key", "approval key", 100, Unit.CHARACTERS, "use a shorter approval key"),
    /** A signal's idempotency key ({@code durable_signal.idempotency_key}). */
    IDEMPOTENCY_KEY("durable.idempotency-key", "idempotency key", 200, Unit.CHARACTERS,
            "use a shorter key, or a hash of it"),
    /** Who decided an approval or acted on a run ({@code durable_approval.actor}, {@code durable_run.action_actor}). */
    ACTOR("durable.actor", "actor", 100, Unit.CHARACTERS, "use a shorter user or service name"),
    /** Why an actor decided or acted ({@code durable_approval.reason}, {@code durable_run.action_reason}). */
    REASON("durable.reason", "reason", 1000, Unit.CHARACTERS, "give a shorter reason"),
    /** The exception class of a failed step ({@code durable_step.error_type}); shortened. */
    ERROR_TYPE("durable.error-type", "error type", 300, Unit.CHARACTERS, "shorten it"),
    /**
     * The error text of a failed run or step ({@code durable_run.error}, {@code durable_step.error});
     * built by the engine from exception messages, so shortened, never refused.
     */
    ERROR("durable.error", "error text", 16_000, Unit.CHARACTERS, "shorten it"),
    /**
     * A name the tracking API takes: a tracked run's type and trigger, a tracked step's type, a call's
     * tool, a counter's name ({@code durable_run.workflow_name}, {@code run_trigger},
     * {@code durable_step.name}, {@code durable_call.tool}, {@code durable_counter.name}).
     */
    TRACKED_NAME("durable.tracked-name", "tracked name", 100, Unit.CHARACTERS, "use a shorter name"),
    /** What a tracked call did ({@code durable_call.operation}). */
    OPERATION("durable.operation", "call operation", 200, Unit.CHARACTERS, "describe the operation more briefly"),
    /** The kind of a step link ({@code durable_step_link.link_type}). */
    LINK_TYPE("durable.link-type", "link type", 50, Unit.CHARACTERS, "use a shorter link type"),
    /** The type of the entity a step links to ({@code durable_step_link.entity_type}). */
    ENTITY_TYPE("durable.entity-type", "entity type", 100, Unit.CHARACTERS, "use a shorter entity type"),
    /** The id of the entity a step links to, ours or the external system's ({@code entity_id}, {@code external_id}). */
    ENTITY_ID("durable.entity-id", "entity id", 200, Unit.CHARACTERS, "link by a shorter id, or a hash of it"),
    /**
     * A tracked input or output as JSON, shown by the tracking API ({@code durable_step.input_json} of a
     * tracked step, {@code durable_call.input_json}, {@code output_json}): a longer one is replaced by
     * {@code {"truncated":LENGTH}}, never refused; it is for display, the journal keeps results.
     */
    TRACKED_JSON("durable.tracked-json", "tracked input or output", 4000, Unit.CHARACTERS, "shorten it"),
    /** A run's input as JSON ({@code durable_run.input_json}). */
    INPUT("durable.input", "input", 4 * 1024 * 1024, Unit.BYTES,
            "pass a reference to the data (a key of your own table) instead of the data"),
    /** A step's result as JSON ({@code durable_step.result_json}). */
    STEP_RESULT("durable.step-result", "step result", 4 * 1024 * 1024, Unit.BYTES,
            "return a reference to the data (a key of your own table) instead of the data"),
    /** A run's output as JSON ({@code durable_run.output_json}). */
    OUTPUT("durable.output", "output", 4 * 1024 * 1024, Unit.BYTES,
            "return a reference to the data (a key of your own table) instead of the data"),
    /** A signal's payload as JSON ({@code durable_signal.payload_json}). */
    SIGNAL_PAYLOAD("durable.signal-payload", "signal payload", 4 * 1024 * 1024, Unit.BYTES,
            "send a reference to the data (a key of your own table) instead of the data");

    /** How a limit counts. */
    public enum Unit {
        /** UTF-16 characters, as {@link String#length()} and the databases' VARCHAR count. */
        CHARACTERS,
        /** Bytes of the UTF-8 encoding. */
        BYTES,
        /** Levels of nesting. */
        LEVELS;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String ELLIPSIS = "...";

    private final String key;
    private final String what;
    private final int max;
    private final Unit unit;
    private final String advice;

    Limit(String key, String what, int max, Unit unit, String advice) {
        this.key = key;
        this.what = what;
        this.max = max;
        this.unit = unit;
        this.advice = advice;
    }

    /**
     * The limit's name, as messages show it.
     *
     * @return for example {@code durable.step-key}
     */
    public String key() {
        return key;
    }

    /**
     * What the limit applies to, in words.
     *
     * @return for example {@code step key}
     */
    public String what() {
        return what;
    }

    /**
     * The largest size accepted.
     *
     * @return the limit, in {@link #unit()}
     */
    public int max() {
        return max;
    }

    /**
     * How the size is counted.
     *
     * @return characters, bytes or levels
     */
    public Unit unit() {
        return unit;
    }

    /**
     * The size of a value as this limit counts it (characters, UTF-8 bytes, or nesting levels of a
     * step key).
     *
     * @param value the value, not {@code null}
     * @return its size
     */
    public long sizeOf(String value) {
        return switch (unit) {
            case CHARACTERS -> value.length();
            case BYTES -> utf8Length(value);
            case LEVELS -> depthOf(value);
        };
    }

    /**
     * Checks a value against this limit; {@code null} passes.
     *
     * @param value the value
     * @return the value
     * @throws LimitExceededException when it is over the limit
     */
    public String check(String value) {
        // a UTF-8 character is at most 3 bytes per UTF-16 char: most payloads pass without counting
        if (value != null && !(unit == Unit.BYTES && value.length() * 3L <= max)) {
            long size = sizeOf(value);
            if (size > max) {
                throw new LimitExceededException(this, size, value);
            }
        }
        return value;
    }

    /**
     * Shortens an engine-built text to this limit, marking the cut with {@code ...}; for texts the
     * engine makes from other values, which are never refused.
     *
     * @param text the text, or {@code null}
     * @return the text, or its beginning; {@code null} for {@code null}
     */
    public String fit(String text) {
        if (text == null || unit != Unit.CHARACTERS || text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * The message of a value over this limit.
     *
     * @param size the value's size
     * @return "step key of 434 characters exceeds the limit of 400 (durable.step-key); shorten ..."
     */
    String message(long size) {
        return what + " of " + size + " " + unit.label() + " exceeds the limit of " + max + " (" + key + "); " + advice;
    }

    /**
     * How many parallel blocks a step key is nested in: every level adds two {@code /} (block, then
     * branch); a top-level key has none, a compensation's ({@code @saga/...}) one.
     */
    private static long depthOf(String stepKey) {
        long slashes = stepKey.chars().filter(c -> c == '/').count();
        return slashes / 2;
    }

    /** The UTF-8 length, counted without encoding (an unpaired surrogate counts as the 3 bytes of its replacement). */
    private static long utf8Length(String value) {
        Objects.requireNonNull(value, "value");
        int length = value.length();
        long bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
