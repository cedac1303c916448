package io.durable.jpa.schema;

import java.util.Objects;

/**
 * What a migration found and left.
 *
 * @param database   the database kind whose scripts were used: {@code postgresql}, {@code mariadb} or {@code h2}
 * @param before     the schema version found, {@code "none"} for a database without engine tables
 * @param after      the schema version now in place
 * @param applied    how many migrations this call applied (0 when another node or an earlier start did)
 * @param baselined  whether engine tables created before versioned migrations were recognised and
 *                   recorded as version 1
 */
public record SchemaVersion(String database, String before, String after, int applied, boolean baselined) {

    /** Checks the components. */
    public SchemaVersion {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (applied < 0) {
            throw new IllegalArgumentException("applied must be >= 0, got " + applied);
        }
    }
}
