package io.durable.jpa.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns off H2's reuse of a prepared query's last result ({@code OPTIMIZE_REUSE_RESULTS}) on the
 * engine's H2 database. H2 (2.2.224 here; the issues report other 2.x versions) answers a prepared
 * query again with its last result when it believes no data changed since; a read that races with
 * another connection's commit can keep the result from before that commit for as long as nothing
 * else is written to the database (H2 issues 3894 and 4208). Measured here: 2 to 10 runs in 1,000, on
 * a loaded machine, read back RUNNING for the whole 20 s a test waited while the database held them
 * SUSPENDED. For the engine that is a run whose status, wake-up or lease reads stale. Reuse saves
 * little for the engine's short keyed queries.
 *
 * <p>{@code SET OPTIMIZE_REUSE_RESULTS FALSE} holds for the open database, not across a reopen, and
 * needs admin rights. The engine sets it each time it opens its store; a user without admin rights
 * gets a warning. An H2 database that closes when its last connection closes (a file database
 * without {@code DB_CLOSE_DELAY}, behind a pool that may close every connection) should carry
 * {@code ;OPTIMIZE_REUSE_RESULTS=FALSE} in its JDBC URL, as the sample's does.
 */
public final class H2ResultReuse {

    private static final Logger LOG = Logger.getLogger(H2ResultReuse.class.getName());

    private H2ResultReuse() {
    }

    /**
     * Turns the reuse off when the connection is to H2; does nothing on other databases. It commits an
     * open transaction of the connection (H2 does for every {@code SET}): call it on a connection of
     * its own.
     *
     * @param connection a connection to the engine's database
     * @throws SQLException when the connection cannot tell its database product
     */
    public static void turnOff(Connection connection) throws SQLException {
        if (!"h2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
        } catch (SQLException refused) {
            LOG.log(Level.WARNING, refused, () -> "Could not turn off H2's reuse of query results (" + refused.getMessage()
                    + "): H2 may answer a read with a run's state from before another connection's commit (H2 issue"
                    + " 3894). Add ;OPTIMIZE_REUSE_RESULTS=FALSE to the engine's H2 JDBC URL, or connect as an admin.");
        }
    }
}
