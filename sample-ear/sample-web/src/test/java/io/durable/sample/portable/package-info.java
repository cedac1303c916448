/**
 * The portable acceptance suite (issue 13): the same checks against the sample on every application
 * server, each server a {@link io.durable.sample.portable.SampleServer} of its own.
 */
package io.durable.sample.portable;
