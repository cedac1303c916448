package io.durable.sample.sync;

import io.durable.api.RetryLaterException;
import io.durable.sample.SampleSettings;
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

/**
 * Calls the CRM's API over HTTP; 429 and 503 become {@link RetryLaterException} with the Retry-After.
 * The API's address is configuration, {@code sample.crm.api-base} (MicroProfile Config or a system
 * property), by default the sample's own fake CRM on {@code 127.0.0.1:8080}; never a request's input.
 */
@ApplicationScoped
public class CrmClient {

    /** The configuration key of the CRM API's address. */
    public static final String API_BASE = "sample.crm.api-base";
    /** The sample's own fake CRM as {@code run-sample.sh} starts it. */
    static final String DEFAULT_API_BASE = "http://127.0.0.1:8080/sample-web/api/fake-crm";
    /** How much of an error answer's body goes into the step's error (which operators see). */
    private static final int ERROR_BODY = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Jsonb jsonb = JsonbBuilder.create();
    private final URI apiBase = apiBase(SampleSettings.get(API_BASE, DEFAULT_API_BASE));

    /**
     * Fetches a page.
     *
     * @param cursor the page's cursor, {@code null} for the first
     * @return the page
     * @throws IOException          when the API cannot be reached or answers an error
     * @throws InterruptedException when interrupted
     */
    public CrmPage customers(String cursor) throws IOException, InterruptedException {
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
            String body = response.body();
            throw new IOException("CRM answered HTTP " + status + " for cursor " + cursor + ": "
                    + (body.length() > ERROR_BODY ? body.substring(0, ERROR_BODY) + "..." : body));
        }
        return jsonb.fromJson(response.body(), CrmPage.class);
    }

    /** The configured address, checked once: an http(s) URL without query or fragment. */
    static URI apiBase(String configured) {
        String value = configured.trim();
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException(API_BASE + " must be an http(s) URL without query, got '" + configured + "'");
        }
        return uri;
    }
}
