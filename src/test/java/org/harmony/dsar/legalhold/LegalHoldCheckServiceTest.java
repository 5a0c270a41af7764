package org.harmony.dsar.legalhold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.harmony.dsar.intake.RequestEvents;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureKind;
import org.harmony.dsar.lookup.DataSourceCatalogue.RetentionRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seam erasure asks what it must keep: retention rules today, everything under a recorded hold. */
class LegalHoldCheckServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private JdbcClient jdbc;
    private LegalHoldCheckService service;

    @BeforeEach
    void setUp() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:legal-hold-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(db);
        jdbc.sql("""
                CREATE TABLE legal_hold_check (id VARCHAR(36), request_id VARCHAR(36), checked_at TIMESTAMP WITH TIME ZONE,
                    holds_found INTEGER, outcome VARCHAR(32))
                """).update();
        service = new LegalHoldCheckService(jdbc, mock(RequestEvents.class), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldKeepNothingWithoutRetentionRuleOrHold() {
        assertThat(service.keeps("request-1", "web-enquiries", action(null))).isEmpty();
    }

    @Test
    void shouldKeepRowsInsideTheRetentionPeriodWithTheRuleReasonCode() {
        var keep = service.keeps("request-1", "call-recordings",
                action(new RetentionRule("recorded_at", Period.ofMonths(3), "RETENTION-3M-CLAIMS", "Kept 3 months")));

        assertThat(keep).hasValueSatisfying(k -> {
            assertThat(k.column()).isEqualTo("recorded_at");
            assertThat(k.keepFrom()).isEqualTo(Instant.parse("2026-08-20T12:00:00Z"));
            assertThat(k.reasonCode()).isEqualTo("RETENTION-3M-CLAIMS");
            assertThat(k.keepsEverything()).isFalse();
        });
    }

    @Test
    void shouldKeepEverythingWhenTheRequestsLastCheckFoundAHold() {
        jdbc.sql("INSERT INTO legal_hold_check VALUES ('c1', 'request-1', :at, 2, 'HOLD')")
                .param("at", Timestamp.from(NOW)).update();

        var keep = service.keeps("request-1", "web-enquiries", action(null));

        assertThat(keep).hasValueSatisfying(k -> {
            assertThat(k.keepsEverything()).isTrue();
            assertThat(k.reasonCode()).isEqualTo(LegalHoldCheckService.LEGAL_HOLD);
        });
        assertThat(service.keeps("request-2", "web-enquiries", action(null))).isEmpty();
    }

    private static ErasureAction action(RetentionRule retention) {
        return new ErasureAction("sor.t", "id", "email = :email", ErasureKind.DELETE, Map.of(), retention);
    }
}
