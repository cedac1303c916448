package io.durable.cdi.internal;

import io.durable.api.DurableContext;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.api.UnknownSignalException;
import io.durable.api.WorkflowUsageException;
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
    DurableExtension extension;

    @Inject
    @EngineClock
    Clock clock;

    void sleep(Execution execution, Duration duration) {
        checkWait("sleep", duration);
        sleepUntil(execution, () -> clock.instant().plus(duration));
    }

    void sleepUntil(Execution execution, Instant wakeAt) {
        if (wakeAt == null) {
            throw new WorkflowUsageException("sleepUntil needs a time, got null");
        }
        sleepUntil(execution, () -> {
            if (Duration.between(clock.instant(), wakeAt).compareTo(DurableContext.LONGEST_WAIT) > 0) {
                throw new WorkflowUsageException("sleepUntil(" + wakeAt + ") is further away than the longest wait, "
                        + DurableContext.LONGEST_WAIT.toDays() + " days");
            }
            return wakeAt;
        });
    }

    private void sleepUntil(Execution execution, Supplier<Instant> firstWake) {
        Instant wake = instant(record(execution, "sleep", "@sleep", () -> json(firstWake.get(), Instant.class)));
        if (clock.instant().isBefore(wake)) {
            throw execution.park(new Park(wake, "sleep", null));
        }
    }

    Instant now(Execution execution) {
        return instant(record(execution, "now", "@now", () -> json(clock.instant(), Instant.class)));
    }

    UUID randomUUID(Execution execution) {
        String json = record(execution, "randomUUID", "@uuid", () -> json(UUID.randomUUID(), UUID.class));
        return (UUID) codec.fromJson(json, UUID.class, "a journaled UUID");
    }

    Optional<Object> awaitSignal(Execution execution, String name, Class<?> type, Duration timeout) {
        if (timeout != null) {
            checkWait("awaitSignal timeout", timeout);
        }
        Class<?> declared = declaredSignal(execution, name, type);
        String deadlineJson = record(execution, "awaitSignal", "@await:" + name,
                () -> timeout == null ? null : json(clock.instant().plus(timeout), Instant.class));
        Instant deadline = deadlineJson == null ? null : instant(deadlineJson);
        String outcomeName = "@signal:" + name;
        int sequence = execution.takeSequence();
        String key = execution.takeStepKey(outcomeName);
        StepInfo recorded = execution.journaled(sequence);
        if (recorded != null) {
            execution.checkSameCall(sequence, key, recorded);
            return decode(recorded, declared, name);
        }
        Instant now = clock.instant();
        Optional<StoredSignal> signal = store.nextSignal(execution.run().id(), name);
        if (signal.isPresent()) {
            StepInfo entry = entry(sequence, key, outcomeName, signal.get().payloadJson(), null, null, now);
            journal.write(execution, "signal " + name, () -> {
                store.consumeSignal(execution.lease(), signal.get().id(), entry);
                return null;
            });
            return decode(entry, declared, name);
        }
        if (deadline != null && !now.isBefore(deadline)) {
            StepInfo entry = entry(sequence, key, outcomeName, null, TIMEOUT,
                    "no signal '" + name + "' before " + deadline, now);
            journal.write(execution, "signal " + name, () -> {
                store.appendStep(execution.lease(), entry);
                return null;
            });
            return Optional.empty();
        }
        throw execution.park(new Park(deadline, "signal:" + name, name));
    }

    int version(Execution execution, String changeId, int minSupported, int maxSupported) {
        if (changeId == null || changeId.isBlank() || changeId.length() > 100 || minSupported > maxSupported) {
            throw new WorkflowUsageException("version(" + changeId + ", " + minSupported + ", " + maxSupported
                    + ") needs a change id of 1 to 100 characters and minSupported <= maxSupported");
        }
        checkUsable(execution, "version");
        String name = "@version:" + changeId;
        StepInfo recorded = execution.journaled(execution.peekSequence());
        if (recorded != null && !recorded.name().equals(name)) {
            // the run reached this point before the marker existed: it keeps the oldest behaviour
            return minSupported;
        }
        int version = Integer.parseInt(record(execution, "version", name, () -> Integer.toString(maxSupported)));
        if (version < minSupported || version > maxSupported) {
            throw new WorkflowUsageException("Run " + execution.run().id() + " recorded version " + version + " for change '"
                    + changeId + "', but the code supports " + minSupported + " to " + maxSupported
                    + ". Keep the old branch until no run needs it.");
        }
        return version;
    }

    /**
     * Returns the journaled value at the next position, or records the value the supplier gives
     * (first execution). Checks that the position holds the same operation.
     */
    private String record(Execution execution, String operation, String name, Supplier<String> first) {
        checkUsable(execution, operation);
        if (!execution.isReplaying() && execution.pauseRequested()) {
            throw execution.park(new Park(null, "pause", null));
        }
        int sequence = execution.takeSequence();
        String key = execution.takeStepKey(name);
        StepInfo recorded = execution.journaled(sequence);
        if (recorded != null) {
            execution.checkSameCall(sequence, key, recorded);
            return recorded.resultJson();
        }
        String json = first.get();
        StepInfo entry = entry(sequence, key, name, json, null, null, clock.instant());
        journal.write(execution, operation, () -> {
            store.appendStep(execution.lease(), entry);
            return null;
        });
        return json;
    }

    private static void checkUsable(Execution execution, String operation) {
        execution.checkCanContinue();
        if (execution.inStep()) {
            throw new WorkflowUsageException(operation + " was called inside step " + execution.currentStepKey()
                    + " of run " + execution.run().id() + "; durable operations belong to the workflow method, "
                    + "between steps");
        }
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

    private Optional<Object> decode(StepInfo outcome, Class<?> declared, String name) {
        if (TIMEOUT.equals(outcome.errorType())) {
            return Optional.empty();
        }
        return Optional.ofNullable(codec.fromJson(outcome.resultJson(), declared, "the payload of signal " + name));
    }

    private static StepInfo entry(int sequence, String key, String name, String json, String errorType, String error,
                                  Instant at) {
        return new StepInfo(sequence, key, name, StepStatus.COMPLETED, 1, null, json, errorType, error, at, at);
    }

    private static void checkWait(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.compareTo(DurableContext.LONGEST_WAIT) > 0) {
            throw new WorkflowUsageException(what + " of " + duration + ": a wait must be 0 to "
                    + DurableContext.LONGEST_WAIT.toDays() + " days");
        }
    }

    private String json(Object value, Class<?> type) {
        return codec.toJson(value, type, "a journaled value");
    }

    private Instant instant(String json) {
        return (Instant) codec.fromJson(json, Instant.class, "a journaled time");
    }
}
