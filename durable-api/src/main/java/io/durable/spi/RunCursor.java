package io.durable.spi;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the listing of runs, newest first: a run's creation time and id. A page continues
 * with the runs that come strictly after it in that order, so a run is never listed twice nor skipped
 * however many runs are created meanwhile (a run's position never changes). Callers see it only
 * encoded ({@link #encode()}), as an opaque string.
 *
 * @param createdAt the creation time of the last run of the page before
 * @param id        that run's id
 */
public record RunCursor(Instant createdAt, RunId id) {

    /** Newest first: by creation time, then by id, both descending. */
    public static final Comparator<RunInfo> NEWEST_FIRST = Comparator.comparing(RunInfo::createdAt)
            .thenComparing(r -> r.id().value()).reversed();

    private static final String VERSION = "r1";
    private static final Pattern FORM = Pattern.compile(VERSION + "\\.(-?\\d{1,19})\\.(\\d{1,9})\\.(.{1,64})",
            Pattern.DOTALL);

    /** Checks the fields. */
    public RunCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The position of a run.
     *
     * @param run the run
     * @return its position
     */
    public static RunCursor of(RunInfo run) {
        return new RunCursor(run.createdAt(), run.id());
    }

    /**
     * Whether a run comes after this position, newest first: created earlier, or at the same time with
     * a smaller id.
     *
     * @param run the run
     * @return whether it belongs to a later page
     */
    public boolean precedes(RunInfo run) {
        int byTime = run.createdAt().compareTo(createdAt);
        return byTime < 0 || byTime == 0 && run.id().value().compareTo(id.value()) < 0;
    }

    /**
     * The cursor as callers see it: URL-safe base64 without padding, at most
     * {@link RunQuery#MAX_CURSOR} characters.
     *
     * @return the encoded cursor
     */
    public String encode() {
        String plain = VERSION + "." + createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads an encoded cursor.
     *
     * @param encoded what {@link #encode()} gave
     * @return the position
     * @throws IllegalArgumentException when the text is not a cursor this class encoded
     */
    public static RunCursor decode(String encoded) {
        Objects.requireNonNull(encoded, "cursor");
        if (encoded.length() > RunQuery.MAX_CURSOR) {
            throw malformed();
        }
        try {
            Matcher form = FORM.matcher(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
            if (!form.matches()) {
                throw malformed();
            }
            return new RunCursor(Instant.ofEpochSecond(Long.parseLong(form.group(1)), Long.parseLong(form.group(2))),
                    new RunId(form.group(3)));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw malformed();
        }
    }

    private static IllegalArgumentException malformed() {
        // the text is not echoed: it came from a caller and may be anything
        return new IllegalArgumentException("The cursor is not one the engine gave out; pass the next cursor of the "
                + "page before, unchanged, or none for the first page");
    }
}
