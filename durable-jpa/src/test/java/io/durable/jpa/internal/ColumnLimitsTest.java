package io.durable.jpa.internal;

import io.durable.api.Limit;
import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The columns of the engine's tables agree with the {@link Limit limits}: every column a limit
 * guards has exactly the limit's length (or, for a payload, is unbounded text), so a value the stores
 * accept always fits, and a change to either side shows here. A payload column is a plain string with
 * no length of its own ({@code CLOB}, {@code TEXT}, {@code LONGTEXT} in the migrations) and no
 * {@code @Lob}: Hibernate reads a {@code @Lob} string on PostgreSQL as a large object's {@code oid}.
 */
class ColumnLimitsTest {

    private static final Map<String, Limit> GUARDED = Map.ofEntries(
            Map.entry("RunEntity.workflowName", Limit.WORKFLOW_NAME),
            Map.entry("RunEntity.instanceId", Limit.INSTANCE_ID),
            Map.entry("RunEntity.instanceKey", Limit.INSTANCE_ID),
            Map.entry("RunEntity.inputJson", Limit.INPUT),
            Map.entry("RunEntity.outputJson", Limit.OUTPUT),
            Map.entry("RunEntity.error", Limit.ERROR),
            Map.entry("RunEntity.waitingFor", Limit.WAITING_FOR),
            Map.entry("RunEntity.awaitedSignal", Limit.AWAITED_SIGNAL),
            Map.entry("RunEntity.actionActor", Limit.ACTOR),
            Map.entry("RunEntity.actionReason", Limit.REASON),
            Map.entry("RunEntity.parentStepKey", Limit.STEP_KEY),
            Map.entry("StepEntity.stepKey", Limit.STEP_KEY),
            Map.entry("StepEntity.name", Limit.ENTRY_NAME),
            Map.entry("StepEntity.resultJson", Limit.STEP_RESULT),
            Map.entry("StepEntity.errorType", Limit.ERROR_TYPE),
            Map.entry("StepEntity.error", Limit.ERROR),
            Map.entry("SignalEntity.name", Limit.SIGNAL_NAME),
            Map.entry("SignalEntity.payloadJson", Limit.SIGNAL_PAYLOAD),
            Map.entry("SignalEntity.idempotencyKey", Limit.IDEMPOTENCY_KEY),
            Map.entry("ApprovalEntity.workflowName", Limit.WORKFLOW_NAME),
            Map.entry("ApprovalEntity.key", Limit.APPROVAL_KEY),
            Map.entry("ApprovalEntity.actor", Limit.ACTOR),
            Map.entry("ApprovalEntity.reason", Limit.REASON),
            Map.entry("RunEntity.owner", Limit.OWNER),
            Map.entry("RunEntity.trigger", Limit.TRACKED_NAME),
            Map.entry("StepEntity.parentStepKey", Limit.STEP_KEY),
            Map.entry("StepEntity.inputJson", Limit.TRACKED_JSON),
            Map.entry("CallEntity.stepKey", Limit.STEP_KEY),
            Map.entry("CallEntity.tool", Limit.TRACKED_NAME),
            Map.entry("CallEntity.operation", Limit.OPERATION),
            Map.entry("CallEntity.inputJson", Limit.TRACKED_JSON),
            Map.entry("CallEntity.outputJson", Limit.TRACKED_JSON),
            Map.entry("CallEntity.error", Limit.ERROR),
            Map.entry("StepLinkEntity.stepKey", Limit.STEP_KEY),
            Map.entry("StepLinkEntity.linkType", Limit.LINK_TYPE),
            Map.entry("StepLinkEntity.entityType", Limit.ENTITY_TYPE),
            Map.entry("StepLinkEntity.entityId", Limit.ENTITY_ID),
            Map.entry("StepLinkEntity.externalId", Limit.ENTITY_ID),
            Map.entry("CounterEntity.name", Limit.TRACKED_NAME));

    /**
     * Limits kept in columns longer than themselves, because the column holds other values too: a
     * tracked run's type in {@code workflow_name}, a tracked step's type in {@code durable_step.name}.
     */
    private static final Set<Limit> SHARED_COLUMN = EnumSet.of(Limit.TRACKED_NAME);

    /** {@code @Column}'s length when the mapping gives none. */
    private static final int UNSET_LENGTH = 255;

    /** Texts in unbounded text columns: payloads, and texts the engine shortens to fit. */
    private static final Set<Limit> IN_LOB = EnumSet.of(Limit.INPUT, Limit.STEP_RESULT, Limit.OUTPUT,
            Limit.SIGNAL_PAYLOAD, Limit.ERROR, Limit.TRACKED_JSON);

    /** Limits no column holds directly: checked at deployment or inside a key. */
    private static final Set<Limit> NOT_A_COLUMN = EnumSet.of(Limit.STEP_NAME, Limit.BLOCK_NAME,
            Limit.PARALLEL_DEPTH);

    private static final List<Class<?>> ENTITIES = List.of(RunEntity.class, StepEntity.class, SignalEntity.class,
            ApprovalEntity.class, CallEntity.class, StepLinkEntity.class, CounterEntity.class);

    @Test
    void every_guarded_column_has_exactly_its_limits_length_or_is_unbounded_text_for_a_payload() {
        List<String> wrong = new ArrayList<>();
        GUARDED.forEach((where, limit) -> {
            Field field = field(where);
            Column column = field.getAnnotation(Column.class);
            boolean lob = field.isAnnotationPresent(Lob.class);
            if (IN_LOB.contains(limit)) {
                if (lob || column.length() != UNSET_LENGTH) {
                    wrong.add(where + " holds " + limit.key() + " and must be text without a length and without @Lob");
                }
            } else if (lob || (SHARED_COLUMN.contains(limit) ? column.length() < limit.max()
                    : column.length() != limit.max())) {
                wrong.add(where + " (" + column.name() + ") has length " + column.length() + ", but " + limit.key()
                        + " is " + limit.max());
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void every_limit_guards_a_column_or_is_known_not_to() {
        Set<Limit> guarded = EnumSet.noneOf(Limit.class);
        guarded.addAll(GUARDED.values());
        guarded.addAll(NOT_A_COLUMN);
        assertEquals(EnumSet.allOf(Limit.class), guarded);
    }

    @Test
    void every_text_column_written_from_outside_the_engine_is_guarded() {
        // columns the engine fills from its own values (ids, statuses, node names, hashes) need no limit
        Set<String> engineOwned = Set.of("RunEntity.id", "RunEntity.status", "RunEntity.leaseOwner",
                "RunEntity.actionKind", "RunEntity.parentRunId", "RunEntity.continuedAs", "StepEntity.runId",
                "StepEntity.status", "StepEntity.argsHash", "SignalEntity.id", "SignalEntity.runId",
                "ApprovalEntity.id", "ApprovalEntity.runId", "ApprovalEntity.status", "RunEntity.kind",
                "CallEntity.id", "CallEntity.runId", "CallEntity.status", "StepLinkEntity.id", "StepLinkEntity.runId",
                "CounterEntity.runId",
                // the W3C traceparent the engine's propagator writes, checked against its column by NewRun
                "RunEntity.traceParent");
        List<String> unguarded = new ArrayList<>();
        for (Class<?> entity : ENTITIES) {
            for (Field field : entity.getDeclaredFields()) {
                String where = entity.getSimpleName() + "." + field.getName();
                if (field.getType() == String.class && !java.lang.reflect.Modifier.isStatic(field.getModifiers())
                        && !GUARDED.containsKey(where) && !engineOwned.contains(where)) {
                    unguarded.add(where);
                }
            }
        }
        assertTrue(unguarded.isEmpty(), "text columns without a limit: " + unguarded);
    }

    @Test
    void the_trace_parent_column_holds_what_a_new_run_accepts() {
        assertEquals(io.durable.spi.NewRun.MAX_TRACE_PARENT, field("RunEntity.traceParent").getAnnotation(Column.class)
                .length());
    }

    private static Field field(String where) {
        String[] parts = where.split("\\.");
        Class<?> entity = ENTITIES.stream().filter(c -> c.getSimpleName().equals(parts[0])).findFirst().orElseThrow();
        return Arrays.stream(entity.getDeclaredFields()).filter(f -> f.getName().equals(parts[1])).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + where));
    }
}
