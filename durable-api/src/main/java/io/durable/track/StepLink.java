package io.durable.track;

import io.durable.api.Limit;

import java.util.Objects;

/**
 * An entity a step touched: what it read or wrote.
 *
 * @param linkType   how it was touched, for example {@code input} or {@code output}
 * @param entityType the entity's type, for example {@code customer}
 * @param entityId   the entity's id in the application
 * @param externalId its id in the third-party system, or {@code null}
 */
public record StepLink(String linkType, String entityType, String entityId, String externalId) {

    /**
     * Validates the fields.
     *
     * @throws io.durable.api.LimitExceededException when a field is over its limit
     *         ({@link Limit#LINK_TYPE}, {@link Limit#ENTITY_TYPE}, {@link Limit#ENTITY_ID})
     */
    public StepLink {
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Limit.LINK_TYPE.check(linkType);
        Limit.ENTITY_TYPE.check(entityType);
        Limit.ENTITY_ID.check(entityId);
        Limit.ENTITY_ID.check(externalId);
    }
}
