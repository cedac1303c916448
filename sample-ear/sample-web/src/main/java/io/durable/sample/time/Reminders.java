package io.durable.sample.time;

import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The steps of the reminder and expense workflows. */
@ApplicationScoped
public class Reminders {

    /**
     * Sends the reminder (here: answers what it would send).
     *
     * @param who     whom to remind
     * @param sleptAt when the run went to sleep
     * @return the reminder text
     */
    @DurableStep
    public String remind(String who, Instant sleptAt) {
        return "reminded " + who + " (asleep since " + sleptAt + ")";
    }

    /**
     * Books the expense decision.
     *
     * @param expenseId the expense
     * @param decision  the decision, or {@code null} when nobody decided in time
     * @return what was booked
     */
    @DurableStep(retry = "fast")
    public String book(String expenseId, Decision decision) {
        if (decision == null) {
            return expenseId + " expired";
        }
        return expenseId + (decision.approved() ? " approved by " : " rejected by ") + decision.approver();
    }
}
