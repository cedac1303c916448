package io.durable.sample.sync;

import java.util.List;

/**
 * One page of the fake CRM's customer list.
 *
 * @param items      the customers
 * @param nextCursor the next page's cursor, or {@code null} on the last page
 */
public record CrmPage(List<Customer> items, String nextCursor) {
}
