package org.harmony.dsar.lookup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.lookup.CatalogueProperties.Endpoint;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * Requests to HTTP sources: only to allowed hosts, never following a redirect, with the endpoint's headers,
 * a response size cap and paging by a next link. A refused or failed request throws, so that the job retries
 * and then becomes an incident.
 */
@Component
public class HttpSources {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final CatalogueProperties.Http properties;
    private final Environment environment;
    private final ObjectMapper json;
    private final HttpClient client;
    private final Duration timeout;
    private final DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory();

    HttpSources(CatalogueProperties properties, Environment environment, ObjectMapper json) {
        this.properties = properties.http();
        this.environment = environment;
        this.json = json;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.httpTimeout()).build();
        this.timeout = properties.httpTimeout();
    }

    /** Reads every page the source answers for the parameters (one not given: empty), record by record. */
    public void read(Source source, String url, Map<String, ?> parameters, Consumer<JsonNode> records) {
        URI next = uri(source, url, parameters);
        for (int page = 0; next != null; page++) {
            if (page == properties.maxPages()) {
                throw new HttpSourceException(source.name() + ": more than " + properties.maxPages() + " pages");
            }
            JsonNode body = parse(source, send(source, "GET", next, HttpRequest.BodyPublishers.noBody()));
            JsonNode found = at(body, source.http().recordsPath());
            if (!found.isMissingNode() && !found.isNull()) {
                Iterator<JsonNode> elements = found.isArray() ? found.elements() : List.of(found).iterator();
                elements.forEachRemaining(records);
            }
            JsonNode link = source.http().nextPath() == null ? null : at(body, source.http().nextPath());
            next = link == null || !link.isTextual() || link.asText().isBlank() ? null : next.resolve(link.asText());
        }
    }

    /**
     * Sends a request without a body (an erasure: DELETE, or the method the catalogue names); returns false when
     * the record is already gone (404), true when the source confirmed it (2xx).
     */
    public boolean change(Source source, String method, String url, Map<String, ?> parameters) {
        return changed(source, method, uri(source, url, parameters), HttpRequest.BodyPublishers.noBody());
    }

    /**
     * Sends a JSON body to one record (a correction's fields); returns false when the record is gone (404), true
     * when the source confirmed the change (2xx).
     */
    public boolean change(Source source, String method, String url, Map<String, ?> parameters, Object body) {
        return changed(source, method, uri(source, url, parameters), HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    }

    private boolean changed(Source source, String method, URI uri, HttpRequest.BodyPublisher request) {
        HttpResponse<InputStream> response = exchange(source, method, uri, request);
        try (InputStream body = response.body()) {
            capped(source, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.statusCode() == 404) {
            return false;
        }
        requireSuccess(source, method, response.statusCode());
        return true;
    }

    /** Sends a JSON body (a suppression's flags); returns the source's JSON answer (a null node when empty). */
    public JsonNode send(Source source, String method, String url, Map<String, ?> parameters, Object body) {
        URI uri = uri(source, url, parameters);
        return parse(source, send(source, method, uri, HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the source's lookup goes, with its endpoint and without parameters; refused if the host is not allowed. */
    public URI address(Source source) {
        return uri(source, source.http().url(), Map.of());
    }

    URI uri(Source source, String url, Map<String, ?> parameters) {
        String template = url;
        String endpointName = source.http().endpoint();
        if (endpointName != null) {
            template = environment.resolveRequiredPlaceholders(endpoint(source).baseUrl()) + url;
        }
        Map<String, Object> variables = new HashMap<>(parameters);
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            variables.putIfAbsent(placeholder.group(1), "");
        }
        URI uri = uris.expand(template, variables);
        allowed(source, uri);
        return uri;
    }

    private byte[] send(Source source, String method, URI uri, HttpRequest.BodyPublisher body) {
        HttpResponse<InputStream> response = exchange(source, method, uri, body);
        try (InputStream answer = response.body()) {
            byte[] bytes = capped(source, answer);
            requireSuccess(source, method, response.statusCode());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<InputStream> exchange(Source source, String method, URI uri,
            HttpRequest.BodyPublisher body) {
        allowed(source, uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body)
                .header("Accept", "application/json").header("Content-Type", "application/json");
        if (source.http().endpoint() != null) {
            endpoint(source).headers().forEach((name, value) ->
                    request.header(name, environment.resolveRequiredPlaceholders(value)));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(source.name() + ": " + method + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpSourceException(source.name() + ": interrupted");
        }
    }

    private void allowed(Source source, URI uri) {
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || properties.allowedHosts().stream()
                .noneMatch(host -> host.equalsIgnoreCase(uri.getHost()))) {
            throw new HttpSourceException(source.name() + ": host " + uri.getHost()
                    + " is not in dsar.catalogue.http.allowed-hosts");
        }
    }

    private static void requireSuccess(Source source, String method, int status) {
        if (status / 100 == 3) {
            throw new HttpSourceException(source.name() + ": " + method + " answered a redirect (" + status
                    + "), which is not followed");
        }
        if (status / 100 != 2) {
            throw new HttpSourceException(source.name() + ": " + method + " answered " + status);
        }
    }

    private byte[] capped(Source source, InputStream body) throws IOException {
        long cap = properties.maxResponse().toBytes();
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        if (bytes.length > cap) {
            throw new HttpSourceException(source.name() + ": response larger than " + properties.maxResponse());
        }
        return bytes;
    }

    private JsonNode parse(Source source, byte[] body) {
        try {
            return body.length == 0 ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            throw new HttpSourceException(source.name() + ": the answer is not JSON");
        }
    }

    private Endpoint endpoint(Source source) {
        Endpoint endpoint = properties.endpoints().get(source.http().endpoint());
        if (endpoint == null || endpoint.baseUrl() == null) {
            throw new HttpSourceException(source.name() + ": no endpoint '" + source.http().endpoint()
                    + "' with a base-url under dsar.catalogue.http.endpoints");
        }
        return endpoint;
    }

    static JsonNode at(JsonNode body, String path) {
        JsonNode node = body;
        if (path == null || path.isBlank()) {
            return node;
        }
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** A request to an HTTP source that was refused or failed. */
    public static class HttpSourceException extends RuntimeException {
        HttpSourceException(String message) {
            super(message);
        }
    }
}
