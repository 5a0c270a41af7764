package org.harmony.dsar.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.legalhold.LegalHold;
import org.harmony.dsar.legalhold.LegalHoldRegistry;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.HttpSources;
import org.harmony.dsar.lookup.SourceConnections;
import org.harmony.dsar.lookup.SubjectKey;
import org.harmony.dsar.retention.RoutineRetention.Evidence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Routine retention of an SQL source on H2 with the project's migrations: which expired rows a legal hold keeps,
 * by subject when the catalogue says whose each row is, else the whole source; and what the evidence says.
 */
class RoutineRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final KeyedHash HASH = new KeyedHash("routine-retention-test-key-of-32-characters");

    private final List<LegalHold> active = new ArrayList<>();
    private JdbcClient jdbc;
    private RoutineRetention retention;
    private Source visits;
    private long nextId = 1;

    @BeforeEach
    void migrate() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:routine-retention-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(db);
        jdbc.sql("CREATE TABLE visit (visit_no BIGINT PRIMARY KEY, email VARCHAR(320), phone VARCHAR(40),"
                + " visited_at TIMESTAMP WITH TIME ZONE NOT NULL)").update();
        DataSourceCatalogue catalogue = mock(DataSourceCatalogue.class);
        visits = mock(Source.class);
        when(visits.name()).thenReturn("visits");
        when(visits.type()).thenReturn(SourceType.JDBC);
        when(visits.connection()).thenReturn("default");
        when(visits.categories()).thenReturn(List.of("marketing attribution"));
        when(visits.erasure()).thenReturn(List.of());
        when(catalogue.sources()).thenAnswer(invocation -> List.of(visits));
        SourceConnections connections = mock(SourceConnections.class);
        when(connections.jdbc("default")).thenReturn(new NamedParameterJdbcTemplate(db));
        LegalHoldRegistry holds = mock(LegalHoldRegistry.class);
        when(holds.active()).thenAnswer(invocation -> List.copyOf(active));
        retention = new RoutineRetention(catalogue, connections, mock(HttpSources.class), holds, jdbc,
                new DataSourceTransactionManager(db), Clock.fixed(NOW, ZoneOffset.UTC), HASH);
    }

    @Test
    void shouldKeepOnlyTheExpiredRowsOfTheHeldSubjectAndDeleteTheOthersInBatches() {
        retainWith(Map.of("email", "email", "phone", "phone"));
        long heldByEmail = visit(" Held@Example.org ", null, 400);
        long heldByPhone = visit(null, "+44 (20) 7946-0123", 400);
        long heldYoung = visit("held@example.org", null, 100);
        for (int i = 0; i < 1_203; i++) {
            visit("someone" + i + "@example.org", "+44 20 7946 " + (5000 + i), 400);
        }
        long young = visit("someone@example.org", null, 100);
        LegalHold byEmail = subjectHold("h-email", SubjectKey.Type.EMAIL, "held@example.org", null, null);
        LegalHold byPhone = subjectHold("h-phone", SubjectKey.Type.PHONE, "020 7946 0123", "visits", null);
        LegalHold elsewhere = subjectHold("h-other-source", SubjectKey.Type.EMAIL, "someone1@example.org",
                "orders", null);
        active.addAll(List.of(byEmail, byPhone, elsewhere));

        assertThat(retention.run("run-1")).isEqualTo(1_203);

        assertThat(remaining()).containsExactlyInAnyOrder(heldByEmail, heldByPhone, heldYoung, young);
        assertThat(retention.evidence("run-1")).singleElement().satisfies(evidence -> {
            assertThat(evidence.rowsDeleted()).isEqualTo(1_203);
            assertThat(evidence.rowsKept()).isEqualTo(2);
            assertThat(evidence.keptBy()).containsExactly("h-email", "h-phone");
            assertThat(evidence.legalHoldId()).isNull();
            assertThat(evidence.cutoff()).isEqualTo(Instant.parse("2025-11-01T03:00:00Z"));
        });
    }

    @Test
    void shouldKeepTheWholeSourceWhileASubjectHoldTouchesItAndItsRowsDoNotSayWhoseTheyAre() {
        retainWith(Map.of());
        long someone = visit("someone@example.org", null, 400);
        active.add(subjectHold("h-email", SubjectKey.Type.EMAIL, "held@example.org", null, null));

        assertThat(retention.run("run-2")).isZero();

        assertThat(remaining()).containsExactly(someone);
        assertThat(retention.evidence("run-2")).singleElement().satisfies(evidence -> {
            assertThat(evidence.legalHoldId()).isEqualTo("h-email");
            assertThat(evidence.rowsKept()).as("unknown: the whole source was kept").isNull();
            assertThat(evidence.keptBy()).containsExactly("h-email");
        });
    }

    @Test
    void shouldKeepTheWholeSourceWhileACategoryHoldKeepsItEvenWhenRowsSayWhoseTheyAre() {
        retainWith(Map.of("email", "email"));
        long someone = visit("someone@example.org", null, 400);
        active.add(subjectHold("h-email", SubjectKey.Type.EMAIL, "held@example.org", null, null));
        active.add(new LegalHold("h-category", "M-2", LegalHold.Scope.CATEGORY, null, null, null,
                "Marketing Attribution", "GDPR-17-3-E-LEGAL-CLAIMS", null, "legal", NOW, null, null, null, null));

        retention.run("run-3");

        assertThat(remaining()).containsExactly(someone);
        assertThat(retention.evidence("run-3")).extracting(Evidence::legalHoldId, Evidence::rowsDeleted)
                .containsExactly(tuple("h-category", 0));
    }

    @Test
    void shouldDeleteEveryExpiredRowWhenNoHoldTouchesTheSourceAndNotAgainInTheSameRun() {
        retainWith(Map.of("email", "email"));
        visit("a@example.org", null, 400);
        long young = visit("a@example.org", null, 100);
        active.add(subjectHold("h-elsewhere", SubjectKey.Type.EMAIL, "a@example.org", "orders", null));

        assertThat(retention.run("run-4")).isEqualTo(1);
        visit("b@example.org", null, 400);
        assertThat(retention.run("run-4")).as("a retried job").isEqualTo(1);

        assertThat(remaining()).hasSize(2).contains(young);
        assertThat(retention.evidence("run-4")).singleElement().satisfies(evidence -> {
            assertThat(evidence.rowsKept()).isZero();
            assertThat(evidence.keptBy()).isEmpty();
        });
    }

    private void retainWith(Map<String, String> subjectColumns) {
        when(visits.routineRetention()).thenReturn(new DataSourceCatalogue.RoutineRetention(Period.ofMonths(13),
                "visit", "visited_at", null, "visit_no", subjectColumns));
    }

    private long visit(String email, String phone, int daysOld) {
        long id = nextId++;
        jdbc.sql("INSERT INTO visit (visit_no, email, phone, visited_at) VALUES (:id, :email, :phone, :at)")
                .param("id", id).param("email", email).param("phone", phone)
                .param("at", Timestamp.from(NOW.minus(daysOld, ChronoUnit.DAYS))).update();
        return id;
    }

    private List<Long> remaining() {
        return jdbc.sql("SELECT visit_no FROM visit").query(Long.class).list();
    }

    private static LegalHold subjectHold(String id, SubjectKey.Type type, String value, String sourceName,
            String category) {
        return new LegalHold(id, "M-1", LegalHold.Scope.SUBJECT, type, SubjectKey.of(type, value, HASH).hash(),
                sourceName, category, "GDPR-17-3-E-LEGAL-CLAIMS", null, "legal", NOW, null, null, null, null);
    }
}
