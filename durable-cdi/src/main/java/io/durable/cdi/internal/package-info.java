/**
 * The engine's implementation. Not API: anything here may change in any release.
 * These classes are registered as beans by {@link io.durable.cdi.internal.DurableExtension}; the
 * jar has no {@code beans.xml}, so nothing here is discovered by scanning.
 */
package io.durable.cdi.internal;
