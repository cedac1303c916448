package io.durable.cdi.internal.composition;

import io.durable.api.DurableContext;
import io.durable.api.Limit;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.api.UnknownSignalException;
import io.durable.api.WorkflowUsageException;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.Inputs;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.journal.Execution;
import io.durable.cdi.internal.journal.JournalWriter;
import io.durable.cdi.internal.journal.RunLimits;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.spi.EngineClock;
import io.durable.spi.Park;
import io.durable.spi.StoredSignal;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The durable operations of workflow code: sleeping, waiting for signals, journaled time and
 * randomness, version markers. Each takes journal positions like a step, under a reserved name
 * ({@code @sleep}, {@code @now}, {@code @uuid}, {@code @await:NAME} and {@code @signal:NAME},
 * {@code @version:ID}), so a replay meets the same values and the determinism check covers them.
 */
@ApplicationScoped
class DurableOps {

    static final String TIMEOUT = "timeout";

    @Inject
    WorkflowStore store;

    @Inject
    JsonCodec codec;

    @Inject
    JournalWriter journal;

    @Inject
    Deployment extension;

    @Inject
    @EngineClock
    Clock clock;

    @Inject
    Inputs inputs;

    void sleep(Scope scope, Duration duration) {
        checkWait("sleep", duration);
        sleepUntil(scope, () -> clock.instant().plus(duration));
    }

    void sleepUntil(Scope scope, Instant wakeAt) {
        if (wakeAt == null) {
            throw new WorkflowUsageException("sleepUntil needs a time, got null");
        }
        sleepUntil(scope, () -> {
            if (Duration.between(clock.instant(), wakeAt).compareTo(DurableContext.LONGEST_WAIT) > 0) {
                throw new WorkflowUsageException("sleepUntil(" + wakeAt + ") is further away than the longest wait, "
                        + DurableContext.LONGEST_WAIT.toDays() + " days");
            }
            return wakeAt;
        });
    }

    private void sleepUntil(Scope scope, Supplier<Instant> firstWake) {
        Instant wake = instant(record(scope, "sleep", "@sleep", () -> json(firstWake.get(), Instant.class)));
        if (clock.instant().isBefore(wake)) {
            throw scope.park(new Park(wake, "sleep", null));
        }
    }

    /** Journals the slice's end, then parks the run due at once; a replay passes it. */
    void newSlice(Scope scope) {
        boolean[] fresh = {false};
        record(scope, "newSlice", "@slice", () -> {
            fresh[0] = true;
            return json(clock.instant(), Instant.class);
        });
        if (fresh[0]) {
            throw scope.park(new Park(clock.instant(), "new slice", null));
        }
    }

    /** While replaying: whether the journal has a slice here; else whether the slice ran past the budget. */
    boolean sliceExceeded(Scope scope, Duration budget) {
        if (budget == null || budget.isNegative()) {
            throw new WorkflowUsageException("sliceExceeded needs a budget of 0 or more, got " + budget);
        }
        if (scope.isReplaying()) {
            return scope.peek(scope.peekPosition()).name().equals("@slice");
        }
        return !clock.instant().isBefore(scope.execution().sliceStart().plus(budget));
    }

    Instant now(Scope scope) {
        return instant(record(scope, "now", "@now", () -> json(clock.instant(), Instant.class)));
    }

    UUID randomUUID(Scope scope) {
        String json = record(scope, "randomUUID", "@uuid", () -> json(UUID.randomUUID(), UUID.class));
        return (UUID) codec.fromJson(json, UUID.class, "a journaled UUID");
    }

    Optional<Object> awaitSignal(Scope scope, String name, Class<?> type, Duration timeout) {
        if (timeout != null) {
            checkWait("awaitSignal timeout", timeout);
        }
        Class<?> declared = declaredSignal(scope.execution(), name, type);
        String deadlineJson = record(scope, "awaitSignal", "@await:" + name,
                () -> timeout == null ? null : json(clock.instant().plus(timeout), Instant.class));
        Instant deadline = deadlineJson == null ? null : instant(deadlineJson);
        StepInfo outcome = receive(scope, "@signal:" + name, name, "signal:" + name, deadline,
                () -> new Outcome(null, TIMEOUT, "no signal '" + name + "' before " + deadline));
        if (TIMEOUT.equals(outcome.errorType())) {
            return Optional.empty();
        }
        return Optional.ofNullable(codec.fromJson(outcome.resultJson(), declared, "the payload of signal " + name));
    }

    /**
     * The outcome position of a wait for a signal: its journaled entry on replay; else the signal,
     * consumed and journaled in one transaction; else, past the deadline, the outcome
     * {@code onDeadline} gives (journaled), or, when it gives {@code null}, one more look for the
     * signal; else the scope parks until the signal or the deadline.
     *
     * @param scope      the waiting scope
     * @param outcome    the journal name of the outcome
     * @param signal     the awaited signal's name
     * @param waitingFor what the run waits for, as shown while parked
     * @param deadline   the deadline, or {@code null}
     * @param onDeadline the outcome once the deadline passed
     * @return the outcome's journal entry
     */
    StepInfo receive(Scope scope, String outcome, String signal, String waitingFor, Instant deadline,
                     Supplier<Outcome> onDeadline) {
        int position = scope.takePosition();
        String key = scope.takeStepKey(outcome);
        StepInfo recorded = scope.journaled(position, key);
        if (recorded != null) {
            scope.checkSameCall(position, key, recorded);
            return recorded;
        }
        Execution execution = scope.execution();
        for (int look = 0; look < 2; look++) {
            Instant now = clock.instant();
            Optional<StoredSignal> arrived = store.nextSignal(execution.run().id(), signal);
            if (arrived.isPresent()) {
                StepInfo entry = entry(execution.newSequence(), key, outcome, arrived.get().payloadJson(), null, null,
                        now);
                journal.write(execution, "signal " + signal, () -> {
                    store.consumeSignal(execution.lease(), arrived.get().id(), entry);
                    return null;
                });
                return entry;
            }
            if (deadline == null || now.isBefore(deadline)) {
                break;
            }
            Outcome expired = onDeadline.get();
            if (expired != null) {
                StepInfo entry = entry(execution.newSequence(), key, outcome, expired.resultJson(), expired.errorType(),
                        expired.error(), now);
                journal.write(execution, outcome, () -> {
                    store.appendStep(execution.lease(), entry);
                    return null;
                });
                return entry;
            }
        }
        throw scope.park(new Park(deadline, waitingFor(waitingFor), signal));
    }

    /**
     * What {@link #receive} journals as the outcome of a wait whose deadline passed.
     *
     * @param resultJson the result
     * @param errorType  the error type ({@link #TIMEOUT} for a timeout), or {@code null}
     * @param error      the error text, or {@code null}
     */
    record Outcome(String resultJson, String errorType, String error) {
    }

    int version(Scope scope, String changeId, int minSupported, int maxSupported) {
        if (changeId == null || changeId.isBlank() || changeId.length() > Limit.BLOCK_NAME.max() || changeId.contains("/")
                || minSupported > maxSupported) {
            throw new WorkflowUsageException("version(" + changeId + ", " + minSupported + ", " + maxSupported
                    + ") needs a change id of 1 to " + Limit.BLOCK_NAME.max() + " characters without '/' and minSupported <= maxSupported");
        }
        scope.checkUsable("version");
        String name = "@version:" + changeId;
        StepInfo recorded = scope.peek(scope.peekPosition());
        if (recorded != null && !recorded.name().equals(name)) {
            // the run reached this point before the marker existed: it keeps the oldest behaviour
            return minSupported;
        }
        int version = Integer.parseInt(record(scope, "version", name, () -> Integer.toString(maxSupported)));
        if (version < minSupported || version > maxSupported) {
            throw new WorkflowUsageException("Run " + scope.execution().run().id() + " recorded version " + version
                    + " for change '" + changeId + "', but the code supports " + minSupported + " to " + maxSupported
                    + ". Keep the old branch until no run needs it.");
        }
        return version;
    }

    void continueAsNew(Scope scope, Object input) {
        scope.checkUsable("continueAsNew");
        Execution execution = scope.execution();
        if (!scope.isRoot()) {
            throw new WorkflowUsageException("continueAsNew was called in " + scope.path() + " of run "
                    + execution.run().id() + "; call it from the workflow method itself, outside parallel branches");
        }
        WorkflowDefinition definition = extension.workflows().byName(execution.run().workflowName());
        throw execution.continueAsNew(RunLimits.check(execution, Limit.INPUT, inputs.toJson(definition, input)));
    }

    /**
     * Returns the journaled value at the next position, or records the value the supplier gives
     * (first execution). Checks that the position holds the same operation; parks first for a pause.
     */
    String record(Scope scope, String operation, String name, Supplier<String> first) {
        scope.checkUsable(operation);
        scope.checkPause();
        int position = scope.takePosition();
        String key = scope.takeStepKey(name);
        StepInfo recorded = scope.journaled(position, key);
        if (recorded != null) {
            scope.checkSameCall(position, key, recorded);
            return recorded.resultJson();
        }
        String json = first.get();
        append(scope.execution(), operation, key, name, json, null, null);
        return json;
    }

    /** Journals an engine entry (no step body) in a transaction of its own. */
    StepInfo append(Execution execution, String operation, String key, String name, String json, String errorType,
                    String error) {
        StepInfo entry = entry(execution.newSequence(), key, name, json, errorType, error, clock.instant());
        journal.write(execution, operation, () -> {
            store.appendStep(execution.lease(), entry);
            return null;
        });
        return entry;
    }

    /** What a parked run shows it waits for, cut to the column's length. */
    static String waitingFor(String text) {
        return Limit.WAITING_FOR.fit(text);
    }

    private Class<?> declaredSignal(Execution execution, String name, Class<?> type) {
        WorkflowDefinition definition = extension.workflows().byName(execution.run().workflowName());
        Class<?> declared = definition.signals().get(name);
        if (declared == null) {
            throw new UnknownSignalException(definition.name(), name, definition.signals().keySet());
        }
        if (type == null || JsonCodec.boxed(type) != JsonCodec.boxed(declared)) {
            throw new WorkflowUsageException("Signal '" + name + "' of workflow '" + definition.name() + "' carries "
                    + declared.getName() + ", but the code waits for " + (type == null ? "null" : type.getName()));
        }
        return declared;
    }

    static StepInfo entry(int sequence, String key, String name, String json, String errorType, String error,
                          Instant at) {
        return new StepInfo(sequence, key, name, StepStatus.COMPLETED, 1, null, json, errorType, error, at, at);
    }

    static void checkWait(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.compareTo(DurableContext.LONGEST_WAIT) > 0) {
            throw new WorkflowUsageException(what + " of " + duration + ": a wait must be 0 to "
                    + DurableContext.LONGEST_WAIT.toDays() + " days");
        }
    }

    String json(Object value, Class<?> type) {
        return codec.toJson(value, type, "a journaled value");
    }

    Instant instant(String json) {
        return (Instant) codec.fromJson(json, Instant.class, "a journaled time");
    }
}
