package io.durable.sample.sync;

/**
 * What a customer sync is started with.
 *
 * @param apiBase the fake CRM's address (the server itself, on loopback)
 * @param trigger what started it
 */
public record SyncRequest(String apiBase, String trigger) {
}
