package org.harmony.dsar.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** Reading a subject's records: keyed JDBC sources, an HTTP JSON source, secrets never passed on. */
class SourceReaderTest {

    @TempDir
    Path dir;

    private HttpServer http;
    private final List<String> httpQueries = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private SourceReader reader;
    private HttpSources sources;
    private DataSourceCatalogue catalogue;

    @BeforeEach
    void setUp() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/people", exchange -> {
            httpQueries.add(exchange.getRequestURI().getRawQuery());
            byte[] body = """
                    {"data": {"items": [
                      {"ticket": "H-1", "email": "ada@example.org", "password": "hunter2"},
                      {"ticket": "H-2", "email": "ada@example.org"}]}}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.createContext("/pages", exchange -> {
            httpQueries.add(exchange.getRequestURI().getRawQuery());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            int page = exchange.getRequestURI().getRawQuery().contains("page=2") ? 2 : 1;
            respond(exchange, 200, page == 1
                    ? "{\"items\": [{\"id\": 1}, {\"id\": 2}], \"links\": {\"next\": \"/pages?email=x&page=2\"}}"
                    : "{\"items\": [{\"id\": 3}], \"links\": {\"next\": null}}");
        });
        http.createContext("/endless", exchange -> {
            httpQueries.add(exchange.getRequestURI().getRawQuery());
            respond(exchange, 200, "{\"items\": [{\"id\": 1}], \"next\": \"/endless?again\"}");
        });
        http.createContext("/moved", exchange -> {
            httpQueries.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            respond(exchange, 302, "");
        });
        http.createContext("/elsewhere", exchange -> {
            httpQueries.add("elsewhere");
            respond(exchange, 200, "{\"items\": [{\"id\": 9}]}");
        });
        http.createContext("/huge", exchange -> respond(exchange, 200,
                "{\"items\": [{\"note\": \"" + "x".repeat(20_000) + "\"}]}"));
        http.start();

        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:source-reader-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate sql = new JdbcTemplate(db);
        sql.execute("CREATE TABLE account (id BIGINT, email VARCHAR(100), company VARCHAR(100), password_hash VARCHAR(60))");
        sql.execute("CREATE TABLE orders (id BIGINT, customer_id BIGINT, card_number VARCHAR(20), card_last_four VARCHAR(4))");
        sql.execute("INSERT INTO account VALUES (1, 'ada@example.org', 'Engines Ltd', 'x'), (2, 'bob@example.org', NULL, 'y')");
        sql.execute("INSERT INTO orders VALUES (10, 1, '4242424242424242', '4242'), (11, 1, NULL, '0005'), (12, 2, NULL, '1111')");

        Path catalogueFile = dir.resolve("data-sources.yml");
        Files.writeString(catalogueFile, """
                sources:
                  - name: accounts
                    title: Accounts
                    query: SELECT id, email, company, password_hash FROM account WHERE email = :email
                  - name: orders
                    title: Orders
                    keyed-by: {source: accounts, column: id, parameter: customerIds}
                    query: SELECT id, card_number, card_last_four FROM orders WHERE customer_id IN (:customerIds)
                  - name: helpdesk
                    title: Helpdesk
                    type: http
                    http: {url: "http://127.0.0.1:%1$d/people?email={email}&phone={phone}", records-path: data.items}
                  - name: paged
                    title: Paged
                    type: http
                    http: {endpoint: paged-api, url: "/pages?email={email}", records-path: items, next-path: links.next}
                  - name: endless
                    title: Endless
                    type: http
                    http: {url: "http://127.0.0.1:%1$d/endless", records-path: items, next-path: next}
                  - name: moved
                    title: Moved
                    type: http
                    http: {url: "http://127.0.0.1:%1$d/moved", records-path: items}
                  - name: huge
                    title: Huge
                    type: http
                    http: {url: "http://127.0.0.1:%1$d/huge", records-path: items}
                  - name: elsewhere
                    title: Elsewhere
                    type: http
                    http: {url: "http://localhost:%1$d/elsewhere", records-path: items}
                """.formatted(http.getAddress().getPort()));
        CatalogueProperties.Http httpProperties = new CatalogueProperties.Http(List.of("127.0.0.1"),
                Map.of("paged-api", new CatalogueProperties.Endpoint("http://127.0.0.1:" + http.getAddress().getPort(),
                        Map.of("Authorization", "Bearer ${test.token}"))),
                DataSize.ofKilobytes(10), 5);
        CatalogueProperties properties = new CatalogueProperties("file:" + catalogueFile, Duration.ZERO, Map.of(),
                Duration.ofSeconds(5), 100, httpProperties);
        MockEnvironment environment = new MockEnvironment().withProperty("test.token", "s3cret");
        catalogue = new DataSourceCatalogue(properties, new DefaultResourceLoader(), Clock.systemUTC());
        sources = new HttpSources(properties, environment, new ObjectMapper());
        reader = new SourceReader(catalogue, new SourceConnections(db, properties), sources, new ObjectMapper());
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void shouldFindOrdersByTheCustomerIdsTheAccountsSourceFound() {
        List<Map<String, Object>> records = read("orders", "ada@example.org");

        assertThat(records).extracting(r -> r.get("id")).containsExactly(10L, 11L);
        assertThat(records).allSatisfy(r -> assertThat(r).doesNotContainKey("card_number").containsKey("card_last_four"));
    }

    @Test
    void shouldFindNothingInAKeyedSourceWhenTheKeySourceFoundNothing() {
        assertThat(read("orders", "nobody@example.org")).isEmpty();
    }

    @Test
    void shouldDropSecretColumnsButKeepColumnsThatOnlyContainSimilarLetters() {
        List<Map<String, Object>> records = read("accounts", "ada@example.org");

        assertThat(records).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("company", "Engines Ltd").doesNotContainKey("password_hash"));
    }

    @Test
    void shouldReadRecordsFromAnHttpJsonSourceWithoutSecrets() {
        List<Map<String, Object>> records = read("helpdesk", "ada@example.org");

        assertThat(records).extracting(r -> r.get("ticket")).containsExactly("H-1", "H-2");
        assertThat(records).allSatisfy(r -> assertThat(r).doesNotContainKey("password"));
        assertThat(httpQueries).containsExactly("email=ada%40example.org&phone=%2B44%20123");
    }

    @Test
    void shouldFollowNextLinksAndSendTheEndpointsConfiguredHeaders() {
        List<Map<String, Object>> records = read("paged", "ada@example.org");

        assertThat(records).extracting(r -> r.get("id")).containsExactly(1, 2, 3);
        assertThat(httpQueries).containsExactly("email=ada%40example.org", "email=x&page=2");
        assertThat(authorizations).containsExactly("Bearer s3cret", "Bearer s3cret");
    }

    @Test
    void shouldStopPagingAtTheConfiguredNumberOfPages() {
        assertThatThrownBy(() -> read("endless", "ada@example.org"))
                .isInstanceOf(HttpSources.HttpSourceException.class).hasMessageContaining("more than 5 pages");
        assertThat(httpQueries).hasSize(5);
    }

    @Test
    void shouldNotFollowARedirect() {
        assertThatThrownBy(() -> read("moved", "ada@example.org"))
                .isInstanceOf(HttpSources.HttpSourceException.class).hasMessageContaining("redirect (302)");
        assertThat(httpQueries).doesNotContain("elsewhere");
    }

    @Test
    void shouldSendACorrectionAsJsonButNeitherFollowARedirectNorReachAHostThatIsNotAllowed() {
        DataSourceCatalogue.Source moved = catalogue.source("moved");
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/moved";

        assertThatThrownBy(() -> sources.change(moved, "PATCH", url, Map.of(), Map.of("phone", "+44 1")))
                .isInstanceOf(HttpSources.HttpSourceException.class).hasMessageContaining("redirect (302)");
        assertThat(httpQueries).containsExactly("PATCH {\"phone\":\"+44 1\"}");
        assertThatThrownBy(() -> sources.change(moved, "PATCH", url.replace("127.0.0.1", "localhost"), Map.of(),
                Map.of("phone", "+44 1"))).hasMessageContaining("is not in dsar.catalogue.http.allowed-hosts");
        assertThat(httpQueries).hasSize(1);
    }

    @Test
    void shouldRefuseAnAnswerLargerThanTheCap() {
        assertThatThrownBy(() -> read("huge", "ada@example.org"))
                .isInstanceOf(HttpSources.HttpSourceException.class).hasMessageContaining("larger than 10240B");
    }

    @Test
    void shouldNotReachAHostThatIsNotAllowed() {
        assertThatThrownBy(() -> read("elsewhere", "ada@example.org"))
                .isInstanceOf(HttpSources.HttpSourceException.class)
                .hasMessageContaining("host localhost is not in dsar.catalogue.http.allowed-hosts");
        assertThat(httpQueries).isEmpty();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private List<Map<String, Object>> read(String source, String email) {
        List<Map<String, Object>> records = new ArrayList<>();
        SubjectParameters subject = SubjectParameters.of(email, Map.of("phone", "+44 123"));
        DataSourceCatalogue.Source found = readerCatalogue().source(source);
        long count = reader.read(found, subject, records::add);
        assertThat(count).isEqualTo(records.size());
        return records;
    }

    private DataSourceCatalogue readerCatalogue() {
        try {
            var field = SourceReader.class.getDeclaredField("catalogue");
            field.setAccessible(true);
            return (DataSourceCatalogue) field.get(reader);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
