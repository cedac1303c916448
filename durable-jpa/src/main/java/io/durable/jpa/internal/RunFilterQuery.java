package io.durable.jpa.internal;

import io.durable.spi.RunCursor;
import io.durable.spi.RunFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JPQL of a {@link RunFilter} over {@code RunEntity r}: the conditions, with their parameters bound
 * by name, for the run listings, the cursor pages and the counts per status. Every value is a bound
 * parameter; nothing a caller gives is written into the query text.
 */
public final class RunFilterQuery {

    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * The conditions of a filter and, with a cursor, of the runs after it (newest first).
     *
     * @param filter the filter
     * @param after  the cursor, or {@code null}
     */
    public RunFilterQuery(RunFilter filter, RunCursor after) {
        condition(filter.workflowName(), "r.workflowName = :workflow", "workflow");
        condition(filter.status() == null ? null : filter.status().name(), "r.status = :status", "status");
        condition(filter.parentRunId() == null ? null : filter.parentRunId().value(), "r.parentRunId = :parent",
                "parent");
        condition(filter.instanceId(), "r.instanceId = :instance", "instance");
        condition(filter.owner(), "r.owner = :owner", "owner");
        condition(Mapping.millis(filter.createdFrom()), "r.createdAt >= :from", "from");
        condition(Mapping.millis(filter.createdBefore()), "r.createdAt < :before", "before");
        if (after != null) {
            where.append(" AND (r.createdAt < :afterTime OR (r.createdAt = :afterTime AND r.id < :afterId))");
            parameters.put("afterTime", after.createdAt().toEpochMilli());
            parameters.put("afterId", after.id().value());
        }
    }

    private void condition(Object value, String jpql, String name) {
        if (value != null) {
            where.append(" AND ").append(jpql);
            parameters.put(name, value);
        }
    }

    /**
     * A query of runs with these conditions.
     *
     * @param em      the entity manager
     * @param orderBy the ORDER BY clause, without the keywords
     * @return the query, parameters bound
     */
    public TypedQuery<RunEntity> runs(EntityManager em, String orderBy) {
        return bind(em.createQuery("SELECT r FROM RunEntity r" + where + " ORDER BY " + orderBy, RunEntity.class));
    }

    /**
     * A query of (status, count) rows of the runs with these conditions.
     *
     * @param em the entity manager
     * @return the query, parameters bound
     */
    public TypedQuery<Object[]> countsByStatus(EntityManager em) {
        return bind(em.createQuery("SELECT r.status, COUNT(r.id) FROM RunEntity r" + where + " GROUP BY r.status",
                Object[].class));
    }

    private <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
