package org.harmony.dsar.lookup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the engine reaches the systems of record: JDBC connections by name ({@code default} is the engine's own
 * database, others come from {@code dsar.catalogue.connections}); HTTP sources are reached through {@link HttpSources}.
 */
@Component
public class SourceConnections {

    private final DataSource engineDataSource;
    private final CatalogueProperties properties;
    private final Map<String, NamedParameterJdbcTemplate> jdbc = new ConcurrentHashMap<>();

    SourceConnections(DataSource engineDataSource, CatalogueProperties properties) {
        this.engineDataSource = engineDataSource;
        this.properties = properties;
    }

    public NamedParameterJdbcTemplate jdbc(String connection) {
        return jdbc.computeIfAbsent(connection, name -> {
            DataSource dataSource;
            if ("default".equals(name)) {
                dataSource = engineDataSource;
            } else {
                CatalogueProperties.Connection configured = properties.connections().get(name);
                if (configured == null) {
                    throw new IllegalStateException("No connection '" + name + "' under dsar.catalogue.connections");
                }
                dataSource = DataSourceBuilder.create().url(configured.url()).username(configured.username())
                        .password(configured.password()).build();
            }
            JdbcTemplate template = new JdbcTemplate(dataSource);
            template.setFetchSize(properties.fetchSize());
            return new NamedParameterJdbcTemplate(template);
        });
    }
}
