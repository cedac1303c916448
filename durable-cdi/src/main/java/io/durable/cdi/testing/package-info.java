/**
 * Helpers for testing applications that use durable workflows without a database.
 */
package io.durable.cdi.testing;
