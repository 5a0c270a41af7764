package org.harmony.dsar.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations run unchanged on H2, the embedded default; the journeys run them on PostgreSQL. */
class MigrationsOnH2Test {

    @Test
    void shouldCreateOnlyTheProjectsOwnTablesFromTheProductionLocation() {
        JdbcDataSource db = database();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        JdbcClient jdbc = JdbcClient.create(db);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE UPPER(SCHEMA_NAME) = 'SOR'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dsar_request").query(Integer.class).single()).isZero();
    }

    @Test
    void shouldMigrateAndSeedTheDemoSystemOfRecordOnH2() {
        JdbcDataSource db = database();
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/demo").load().migrate();

        JdbcClient jdbc = JdbcClient.create(db);
        for (String table : new String[] {"support_ticket", "call_recording", "affiliate_visit", "analytics_cookie",
                "partner_share", "newsletter_unsubscribe"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM sor." + table).query(Integer.class).single())
                    .as(table).isPositive();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sor.support_ticket WHERE email = 'marie.dubois@example.fr'")
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT do_not_sell FROM sor.customer_account WHERE id = 1")
                .query(Boolean.class).single()).isFalse();
    }

    private static JdbcDataSource database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        return db;
    }
}
