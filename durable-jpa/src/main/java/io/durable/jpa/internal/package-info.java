/**
 * JPA entities and queries of the store. Not API.
 *
 * <p>The text columns (JSON payloads, errors: {@code CLOB}, {@code TEXT}, {@code LONGTEXT} in the
 * migrations) are plain {@code String} attributes, not {@code @Lob}: Hibernate reads a {@code @Lob}
 * string on PostgreSQL as a large object whose {@code oid} is in the column ("Bad value for type long"
 * on a {@code TEXT} column), where EclipseLink reads the text; as plain strings both providers read
 * and bind them as text on every database the store supports (the store contract runs on both).
 */
package io.durable.jpa.internal;
