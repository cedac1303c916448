package io.durable.sample.sync;

/**
 * A customer as the fake CRM's API sends it.
 *
 * @param id           the CRM's id
 * @param name         the name
 * @param email        the e-mail address
 * @param country      the ISO country code
 * @param balanceCents the balance in cents
 */
public record Customer(String id, String name, String email, String country, long balanceCents) {
}
