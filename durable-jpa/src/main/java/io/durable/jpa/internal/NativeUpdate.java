package io.durable.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;

/**
 * Runs an SQL update in the entity manager's transaction as a JPA native query.
 *
 * <p>Not as plain JDBC on the connection the provider hands out ({@code unwrap(Connection.class)}),
 * though that would skip the provider's query machinery: a connection the database dropped fails
 * there without the provider seeing it, so the provider's pool hands the dead connection out again
 * (measured: {@code KilledSessionsTest} then waited for leases). Through the provider, a failure on a
 * dead connection makes it drop that connection.
 */
final class NativeUpdate {

    private NativeUpdate() {
    }

    /**
     * @param em         the entity manager of the current transaction
     * @param sql        the statement, with {@code ?} parameters
     * @param parameters the parameters in order
     * @return the update count
     * @throws jakarta.persistence.PersistenceException when the database refuses the statement
     */
    static int execute(EntityManager em, String sql, List<Object> parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.executeUpdate();
    }
}
