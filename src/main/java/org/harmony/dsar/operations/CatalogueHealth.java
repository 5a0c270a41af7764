package org.harmony.dsar.operations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

import javax.sql.DataSource;

import org.harmony.dsar.lookup.CatalogueProperties;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.HttpSources;
import org.harmony.dsar.lookup.SourceConnections;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

/**
 * Health of every source in the data source catalogue (as it stands after a reload): a JDBC source's connection
 * answers, an HTTP source's host accepts a connection. Details name the type and connection, never a URL or user.
 */
@Component("catalogueHealthContributor")
class CatalogueHealth implements CompositeHealthContributor {

    private final DataSourceCatalogue catalogue;
    private final SourceConnections connections;
    private final HttpSources httpSources;
    private final int timeoutMillis;

    CatalogueHealth(DataSourceCatalogue catalogue, SourceConnections connections, HttpSources httpSources,
            CatalogueProperties properties) {
        this.catalogue = catalogue;
        this.connections = connections;
        this.httpSources = httpSources;
        this.timeoutMillis = (int) properties.httpTimeout().toMillis();
    }

    @Override
    public HealthContributor getContributor(String name) {
        return catalogue.find(name).map(this::indicator).orElse(null);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return catalogue.sources().stream()
                .map(source -> NamedContributor.of(source.name(), indicator(source))).iterator();
    }

    private HealthContributor indicator(Source source) {
        return (HealthIndicator) () -> source.type() == SourceType.HTTP ? http(source) : jdbc(source);
    }

    private Health jdbc(Source source) {
        Health.Builder health = Health.unknown().withDetail("type", "jdbc")
                .withDetail("connection", source.connection());
        DataSource dataSource = connections.jdbc(source.connection()).getJdbcTemplate().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            return (connection.isValid(Math.max(1, timeoutMillis / 1000)) ? health.up() : health.down()).build();
        } catch (SQLException | RuntimeException e) {
            return health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    private Health http(Source source) {
        Health.Builder health = Health.unknown().withDetail("type", "http");
        try {
            URI uri = httpSources.address(source);
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
            }
            return health.up().build();
        } catch (IOException | RuntimeException e) {
            return health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
