package org.harmony.dsar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.journey.JourneyTestSupport;
import org.harmony.dsar.kernel.ClusterLock;
import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.kernel.web.ApiProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The per-client limit of the public API holds across nodes: two guards, each with its buckets on a connection pool
 * of its own to one PostgreSQL, count against one limit; the call after the limit is refused with 429 problem+json on
 * whichever node it reaches, also when both nodes are called at the same moment. The running application keeps its
 * buckets there too, under a keyed hash of the address, until they are full again.
 */
class RateLimitAcrossNodesTest extends JourneyTestSupport {

    private static final int LIMIT = 5;
    private static final String PATH = "/api/requests/DSAR-00000-00000/status";

    @Autowired
    private ObjectMapper json;
    @Autowired
    private KeyedHash hash;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ClientBuckets applicationBuckets;
    @Autowired
    private MockMvc mvc;
    @Value("${spring.datasource.url}")
    private String url;

    /**
     * A bucket keeps the limit it was created with: addresses no other test uses,
     * and no bucket left from an earlier run.
     */
    @BeforeEach
    void startWithoutBuckets() {
        for (String client : List.of("192.0.2.10", "192.0.2.11", "192.0.2.20", "192.0.2.30")) {
            jdbc.sql("DELETE FROM rate_limit_bucket WHERE id = :id").param("id", hash.hex(client)).update();
        }
    }

    @Test
    void shouldRefuseTheCallAfterTheLimitOnEitherNode() throws Exception {
        ApiGuardFilter nodeA = node();
        ApiGuardFilter nodeB = node();
        String client = "192.0.2.10";

        for (int i = 0; i < LIMIT; i++) {
            assertThat(call(i % 2 == 0 ? nodeA : nodeB, client).getStatus()).as("call %d", i + 1).isEqualTo(200);
        }

        for (ApiGuardFilter node : List.of(nodeB, nodeA)) {
            MockHttpServletResponse refused = call(node, client);
            assertThat(refused.getStatus()).isEqualTo(429);
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getHeader("Retry-After")).matches("[0-9]+");
            assertThat(json.readValue(refused.getContentAsString(), Map.class))
                    .containsEntry("type", "urn:dsar:problem:rate-limited").containsEntry("status", 429);
        }
        assertThat(call(nodeA, "192.0.2.11").getStatus()).as("another client has its own bucket").isEqualTo(200);
    }

    @Test
    void shouldNeverSpendOneTokenTwiceWhenBothNodesAreCalledAtOnce() throws Exception {
        List<ApiGuardFilter> nodes = List.of(node(), node());
        String client = "192.0.2.20";
        CyclicBarrier together = new CyclicBarrier(nodes.size());
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (ApiGuardFilter node : nodes) {
                calls.add(() -> {
                    together.await();
                    int passed = 0;
                    for (int i = 0; i < 2 * LIMIT; i++) {
                        passed += call(node, client).getStatus() == 200 ? 1 : 0;
                    }
                    return passed;
                });
            }
            int passed = 0;
            for (Future<Integer> node : threads.invokeAll(calls)) {
                passed += node.get();
            }
            assertThat(passed).as("calls let through by both nodes together").isEqualTo(LIMIT);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldKeepTheApplicationsBucketsInPostgreSqlUnderAKeyedHashUntilFull() throws Exception {
        assertThat(applicationBuckets).isInstanceOf(ClientBuckets.Shared.class);
        String client = "192.0.2.30";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(PATH)
                .param("token", "probe").with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_bucket WHERE id = :id").param("id", hash.hex(client))
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_bucket WHERE id LIKE '%198.51.100%'").query(Long.class)
                .single()).as("no address stored").isZero();

        jdbc.sql("UPDATE rate_limit_bucket SET expires_at = :past WHERE id = :id")
                .param("past", System.currentTimeMillis() - 1000).param("id", hash.hex(client)).update();
        ((ClientBuckets.Shared) applicationBuckets).removeExpired();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_bucket WHERE id = :id").param("id", hash.hex(client))
                .query(Long.class).single()).as("a full bucket's row is removed").isZero();
    }

    /** A node: the guard with its buckets on a data source of its own, 5 calls an hour per client. */
    private ApiGuardFilter node() {
        DataSource own = new DriverManagerDataSource(url, "postgres", "");
        ApiProperties properties = new ApiProperties(16384, 5242880,
                new ApiProperties.RateLimit(LIMIT, Duration.ofHours(1), 100, 5, ApiProperties.RateLimit.Store.AUTO));
        return new ApiGuardFilter(properties, ClientBuckets.of(properties.rateLimit(), own, hash,
                new ClusterLock(JdbcClient.create(own), Clock.systemUTC())), json);
    }

    private static MockHttpServletResponse call(ApiGuardFilter node, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        node.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
