package io.durable.ops.api;

import io.durable.api.AccessDeniedException;
import io.durable.api.Approval;
import io.durable.api.ApprovalStatus;
import io.durable.api.ApprovalDecidedException;
import io.durable.api.Limit;
import io.durable.api.LimitExceededException;
import io.durable.api.RunId;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.StoreException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which exceptions carry their message to the caller (the 4xx, whose messages the library writes) and
 * which become a 500 with a reference only. The answers themselves are checked on Payara Micro by
 * OperatorApiIT in the sample.
 */
class ErrorMappingTest {

    @Test
    void what_the_caller_did_wrong_is_a_4xx_and_a_store_failure_is_a_500() {
        assertEquals(401, DurableExceptionMapper.status(new NotAuthenticatedException("list runs")));
        assertEquals(403, DurableExceptionMapper.status(new AccessDeniedException("viewer", "pause", "durable-operator")));
        assertEquals(404, DurableExceptionMapper.status(new RunNotFoundException("r-1")));
        assertEquals(400, DurableExceptionMapper.status(new InvalidParameterException("limit", "1 to 200")));
        assertEquals(400, DurableExceptionMapper.status(new LimitExceededException(Limit.REASON, 1001, "r")));
        assertEquals(413, DurableExceptionMapper.status(new PayloadTooLargeException("signal payload", 65536)));
        assertEquals(415, DurableExceptionMapper.status(new UnsupportedMediaTypeException("body")));
        assertEquals(500, DurableExceptionMapper.status(new StoreException("reading run r-1",
                new SQLException("SELECT * FROM durable_run WHERE id = 'r-1'", "42S02"))));
    }

    @Test
    void an_illegal_argument_carries_its_message_only_when_the_library_threw_it() {
        IllegalArgumentException ours = assertThrows(IllegalArgumentException.class, () -> new RunQuery(null, null, 0));
        assertTrue(IllegalArgumentMapper.thrownByLibrary(ours), ours.getStackTrace()[0].toString());

        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> java.util.regex.Pattern.compile("SELECT ("));
        assertFalse(IllegalArgumentMapper.thrownByLibrary(foreign));
        IllegalArgumentException wrapping = new IllegalArgumentException("bad", new SQLException("SELECT 1"));
        assertFalse(IllegalArgumentMapper.thrownByLibrary(wrapping), "a wrapped cause may carry SQL");
    }

    @Test
    void a_decided_approval_is_a_conflict() {
        assertEquals(409, DurableExceptionMapper.status(new ApprovalDecidedException(new Approval(new RunId("r-1"),
                "purchase", "manager", ApprovalStatus.APPROVED, Instant.EPOCH, Instant.EPOCH, "operator", "", Instant.EPOCH))));
    }
}
