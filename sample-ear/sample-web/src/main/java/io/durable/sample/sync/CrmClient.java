package io.durable.sample.sync;

import io.durable.api.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls the CRM's API over HTTP; 429 and 503 become {@link RetryLaterException} with the Retry-After. */
@ApplicationScoped
public class CrmClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Jsonb jsonb = JsonbBuilder.create();

    /**
     * Fetches a page.
     *
     * @param apiBase the API's address
     * @param cursor  the page's cursor, {@code null} for the first
     * @return the page
     * @throws IOException          when the API cannot be reached or answers an error
     * @throws InterruptedException when interrupted
     */
    public CrmPage customers(String apiBase, String cursor) throws IOException, InterruptedException {
        String query = cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + "/customers" + query))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 429 || status == 503) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            throw new RetryLaterException("CRM answered HTTP " + status + " for cursor " + cursor,
                    Duration.ofSeconds(Math.min(Math.max(seconds, 0), 300)));
        }
        if (status != 200) {
            throw new IOException("CRM answered HTTP " + status + " for cursor " + cursor + ": " + response.body());
        }
        return jsonb.fromJson(response.body(), CrmPage.class);
    }
}
