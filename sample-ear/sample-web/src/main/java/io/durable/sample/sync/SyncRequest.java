package io.durable.sample.sync;

/**
 * What a customer sync is started with. The CRM's address is not part of it: it comes from
 * configuration ({@link CrmClient}), so no caller can make the server fetch a URL of its choosing.
 *
 * @param trigger what started it
 */
public record SyncRequest(String trigger) {
}
