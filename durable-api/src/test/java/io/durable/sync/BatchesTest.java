package io.durable.sync;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchesTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 25).boxed().toList();

    @Test
    void everyItemIsProcessedInBatchesAndFailuresAreCounted() {
        List<Integer> seen = new ArrayList<>();
        List<BatchResult> batches = new ArrayList<>();
        BatchResult result = Batches.process(ITEMS, 0, 10, () -> false, item -> {
            seen.add(item);
            if (item % 7 == 3) {
                throw new IllegalStateException("item " + item + " is odd");
            }
        }, batches::add);
        assertEquals(ITEMS, seen);
        assertEquals(List.of(10, 10, 5), batches.stream().map(BatchResult::processed).toList());
        assertTrue(result.allDone());
        assertEquals(25, result.nextIndex());
        assertEquals(25, result.processed());
        assertEquals(4, result.failed());
        assertEquals(21, result.succeeded());
        assertEquals(List.of(3, 10, 17, 24), result.failures().stream().map(ItemFailure::index).toList());
        assertEquals("item 3 is odd", result.failures().get(0).error());
    }

    @Test
    void theBudgetStopsBetweenItemsAndSaysWhereToContinue() {
        AtomicInteger done = new AtomicInteger();
        BatchResult first = Batches.process(ITEMS, 0, 10, () -> done.get() >= 13, item -> done.incrementAndGet(), null);
        assertFalse(first.allDone());
        assertEquals(13, first.nextIndex());
        assertEquals(13, first.succeeded());
        BatchResult rest = Batches.process(ITEMS, first.nextIndex(), 10, () -> false, item -> done.incrementAndGet(), null);
        assertTrue(rest.allDone());
        assertEquals(25, done.get());
        BatchResult both = first.then(rest);
        assertEquals(25, both.processed());
        assertTrue(both.allDone());
    }

    @Test
    void anExhaustedBudgetProcessesNothing() {
        BatchResult none = Batches.process(ITEMS, 5, 10, () -> true, item -> {
            throw new AssertionError("no item may run");
        }, null);
        assertFalse(none.allDone());
        assertEquals(5, none.nextIndex());
        assertTrue(Batches.process(ITEMS, 25, 10, () -> true, item -> { }, null).allDone());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Batches.process(ITEMS, 0, 0, () -> false, i -> { }, null));
        assertThrows(IllegalArgumentException.class, () -> Batches.process(ITEMS, 26, 5, () -> false, i -> { }, null));
    }
}
