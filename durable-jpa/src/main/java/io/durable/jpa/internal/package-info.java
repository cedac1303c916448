/**
 * JPA entities and queries of the store. Not API.
 */
package io.durable.jpa.internal;
