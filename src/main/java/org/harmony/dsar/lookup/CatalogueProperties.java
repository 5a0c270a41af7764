package org.harmony.dsar.lookup;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the data source catalogue is and how the engine reaches the systems it names.
 *
 * @param location     the catalogue YAML, a Spring resource ({@code file:config/data-sources.yml}); the demo
 *                     profile uses {@code classpath:data-sources.yml}, elsewhere it must be set
 * @param reloadCheck  how often at most the file's modification time is checked for a reload
 * @param connections  JDBC connections by name; {@code default} is the engine's own data source
 * @param httpTimeout  connect and read timeout of HTTP JSON sources
 * @param fetchSize    rows fetched per round trip when a source returns many records
 * @param http         how HTTP sources are reached: allowed hosts, endpoints with their headers, limits
 */
@ConfigurationProperties("dsar.catalogue")
public record CatalogueProperties(
        String location,
        @DefaultValue("PT5S") Duration reloadCheck,
        @DefaultValue Map<String, Connection> connections,
        @DefaultValue("PT10S") Duration httpTimeout,
        @DefaultValue("500") int fetchSize,
        @DefaultValue Http http) {

    /** A JDBC connection to a system of record. */
    public record Connection(String url, String username, String password) {
    }

    /**
     * HTTP sources: requests go only to {@code allowedHosts} (none listed: no HTTP source is reached), redirects
     * are refused, a response larger than {@code maxResponse} fails, paging stops after {@code maxPages}.
     *
     * @param endpoints a source's {@code http.endpoint} names one: its base URL and the headers sent with every
     *                  request (credentials from the environment, never in the catalogue)
     */
    public record Http(
            @DefaultValue List<String> allowedHosts,
            @DefaultValue Map<String, Endpoint> endpoints,
            @DefaultValue("5MB") DataSize maxResponse,
            @DefaultValue("100") int maxPages) {
    }

    /** A system reached over HTTP: its base URL and the headers (authentication) every request carries. */
    public record Endpoint(String baseUrl, @DefaultValue Map<String, String> headers) {
    }
}
