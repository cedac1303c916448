package io.durable.ops.api;

import io.durable.api.Limit;
import io.durable.api.RunId;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the request parameters of the operator API before the engine sees them. A bad parameter is
 * an {@link InvalidParameterException} whose message names the parameter and what is accepted, and
 * never repeats a long or unprintable value.
 */
final class Parameters {

    /** Run ids are the engine's UUIDs; tracked jobs' ids have the same shape. */
    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** The signal names a workflow may declare (checked at deployment the same way). */
    static final Pattern SIGNAL_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** Cursors are opaque, but printable ASCII. */
    private static final Pattern CURSOR = Pattern.compile("[\\x21-\\x7e]{1," + RunQuery.MAX_CURSOR + "}");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]+");
    private static final int ECHO = 40;

    private Parameters() {
    }

    /**
     * A run id from the path.
     *
     * @throws InvalidParameterException when it is not 1 to 64 letters, digits or '-'
     */
    static RunId runId(String value) {
        if (value == null || !RUN_ID.matcher(value).matches()) {
            throw new InvalidParameterException("id", "a run id is 1 to 64 letters, digits or '-'");
        }
        return new RunId(value);
    }

    /**
     * A signal name from the path.
     *
     * @throws InvalidParameterException when it is not 1 to 100 letters, digits, '.', '_' or '-'
     */
    static String signalName(String value) {
        if (value == null || !SIGNAL_NAME.matcher(value).matches()) {
            throw new InvalidParameterException("name", "a signal name is 1 to 100 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    /**
     * An approval key from the path: what {@code DurableContext.awaitApproval} accepts.
     *
     * @throws InvalidParameterException when it is blank, too long, or holds '/', '#', '|' or a control character
     */
    static String approvalKey(String value) {
        if (value == null || value.isBlank() || value.length() > Limit.APPROVAL_KEY.max() || hasControl(value)
                || value.contains("/") || value.contains("#") || value.contains("|")) {
            throw new InvalidParameterException("key", "an approval key is 1 to " + Limit.APPROVAL_KEY.max()
                    + " characters without '/', '#', '|' or control characters");
        }
        return value;
    }

    /**
     * A whole number within bounds, or its default when absent.
     *
     * @param name         the parameter's name
     * @param value        the value as sent, or {@code null}
     * @param defaultValue the value when absent
     * @param min          the smallest accepted
     * @param max          the largest accepted
     * @throws InvalidParameterException when it is no number or out of bounds
     */
    static int bounded(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with the bounds
        }
        throw new InvalidParameterException(name, "must be a whole number from " + min + " to " + max + ", got '"
                + echo(value) + "'");
    }

    /**
     * An instant in ISO-8601 UTC form ({@code 2026-11-30T10:00:00Z}), or {@code null} when absent.
     *
     * @throws InvalidParameterException when it does not parse
     */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 instant such as 2026-11-30T10:00:00Z, got '"
                    + echo(value) + "'");
        }
    }

    /**
     * A run status by name (any case), or {@code null} when absent.
     *
     * @throws InvalidParameterException when no status has this name
     */
    static RunStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RunStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("status", "must be one of " + Arrays.toString(RunStatus.values())
                    + ", got '" + echo(value) + "'");
        }
    }

    /**
     * A filter text (workflow name, instance id, owner) within its limit, or {@code null} when absent.
     *
     * @throws InvalidParameterException when it is longer than the limit or holds a control character
     */
    static String text(String name, String value, Limit limit) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > limit.max() || hasControl(value)) {
            throw new InvalidParameterException(name, "must be at most " + limit.max()
                    + " characters without control characters (" + limit.key() + ")");
        }
        return value;
    }

    /**
     * A page cursor, or {@code null} when absent.
     *
     * @throws InvalidParameterException when it is longer than {@value RunQuery#MAX_CURSOR} or not printable ASCII
     */
    static String cursor(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!CURSOR.matcher(value).matches()) {
            throw new InvalidParameterException("cursor", "must be the 'next' value of an earlier page");
        }
        return value;
    }

    /**
     * An {@code Idempotency-Key} header, or {@code null} when absent.
     *
     * @throws InvalidParameterException when it is longer than its limit or not printable ASCII
     */
    static String idempotencyKey(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > Limit.IDEMPOTENCY_KEY.max() || !PRINTABLE_ASCII.matcher(value).matches()) {
            throw new InvalidParameterException("Idempotency-Key", "must be 1 to " + Limit.IDEMPOTENCY_KEY.max()
                    + " printable ASCII characters");
        }
        return value;
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    /** The start of a value, printable, for a message. */
    private static String echo(String value) {
        String shown = value.length() > ECHO ? value.substring(0, ECHO) + "..." : value;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
