package io.durable.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Runs an SQL update in the entity manager's transaction as a JPA native query, or on a connection
 * the store took from its own data source (not the provider's).
 *
 * <p>Not as plain JDBC on the connection the provider hands out ({@code unwrap(Connection.class)}),
 * though that would skip the provider's query machinery: a connection the database dropped fails
 * there without the provider seeing it, so the provider's pool hands the dead connection out again
 * (measured: {@code KilledSessionsTest} then waited for leases). Through the provider, a failure on a
 * dead connection makes it drop that connection.
 */
public final class NativeUpdate {

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

    /**
     * Runs the statement on a connection of the store's own data source, whose pool sees a failure
     * of the connection (unlike one the JPA provider handed out, above).
     *
     * @param connection the connection, in the mode the caller wants (auto-commit: one round trip)
     * @param sql        the statement, with {@code ?} parameters
     * @param parameters the parameters in order: strings, integers, longs, booleans, or {@code null}
     *                   (bound as a {@code VARCHAR} null: a column of another type needs a cast)
     * @return the update count
     * @throws SQLException when the database refuses the statement or fails
     */
    public static int execute(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else if (value instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else if (value instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else if (value instanceof Boolean flag) {
                    statement.setBoolean(i + 1, flag);
                } else if (value instanceof String text) {
                    statement.setString(i + 1, text);
                } else {
                    throw new IllegalArgumentException("Cannot bind a " + value.getClass().getName() + " (parameter "
                            + (i + 1) + " of " + sql + ")");
                }
            }
            return statement.executeUpdate();
        }
    }
}
