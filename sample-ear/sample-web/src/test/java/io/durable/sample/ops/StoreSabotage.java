package io.durable.sample.ops;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test only, packaged by {@link OperatorApiIT} into its copy of the sample: takes the approvals table
 * away from the engine's store and gives it back, so that a read of the operator API meets a real
 * failure of the database, whose message quotes its SQL.
 */
@Path("test/store")
@RequestScoped
public class StoreSabotage {

    @Resource(lookup = "java:app/jdbc/durable")
    DataSource dataSource;

    @POST
    @Path("{what: break|repair}")
    public String sabotage(@PathParam("what") String what) throws SQLException {
        String rename = "break".equals(what)
                ? "ALTER TABLE durable_approval RENAME TO durable_approval_away"
                : "ALTER TABLE durable_approval_away RENAME TO durable_approval";
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(rename);
        }
        return "{\"done\":\"" + what + "\"}";
    }
}
