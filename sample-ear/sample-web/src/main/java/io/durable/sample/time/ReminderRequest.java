package io.durable.sample.time;

import io.durable.api.PayloadException;

/**
 * Remind someone after a while.
 *
 * @param who     whom to remind
 * @param seconds how long to sleep first, 0 to 30 days
 */
public record ReminderRequest(String who, long seconds) {

    /** Validates the request as it arrives over HTTP. */
    public ReminderRequest {
        if (who == null || who.isBlank() || who.length() > 100) {
            throw new PayloadException("who must be 1 to 100 characters", null);
        }
        if (seconds < 0 || seconds > 30L * 24 * 3600) {
            throw new PayloadException("seconds must be 0 to 2592000 (30 days), got " + seconds, null);
        }
    }
}
