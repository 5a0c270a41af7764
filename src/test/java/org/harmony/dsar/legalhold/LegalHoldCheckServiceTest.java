package org.harmony.dsar.legalhold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.harmony.dsar.legalhold.LegalHoldRegistry.NewHold;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.lookup.SubjectKey;
import org.harmony.dsar.lookup.SubjectParameters;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.LegalHoldOutcome;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.RequestType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry and the check on the real schema (Flyway on H2): what is stored, recorded and kept. */
class LegalHoldCheckServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String EMAIL = "held@example.org";

    private static JdbcClient jdbc;

    private final DataSourceCatalogue catalogue = mock(DataSourceCatalogue.class);
    private final RequestRepository requests = mock(RequestRepository.class);
    private final SubjectDataLookup lookup = mock(SubjectDataLookup.class);
    private LegalHoldRegistry registry;
    private LegalHoldCheckService service;
    private LegalHoldCheckRepository checks;
    private LegalHoldSummaries summaries;
    private LegalReviews reviews;
    private String requestId;

    @BeforeAll
    static void migrate() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:legal-holds-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(db);
    }

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<Source> sources = List.of(HoldRulesTest.ENQUIRIES_SOURCE, HoldRulesTest.ORDERS_SOURCE);
        when(catalogue.sources()).thenReturn(sources);
        sources.forEach(source -> {
            when(catalogue.find(source.name())).thenReturn(Optional.of(source));
            when(catalogue.source(source.name())).thenReturn(source);
        });
        requestId = "request-" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO dsar_request (id, reference, request_type, jurisdiction, email, full_name, language, stage,
                    received_at) VALUES (:id, :reference, 'ERASURE', 'EU', :email, 'Held Subject', 'en', 'RECEIVED', :at)
                """).param("id", requestId).param("reference", "DSAR-" + requestId.substring(8, 18))
                .param("email", EMAIL).param("at", Timestamp.from(NOW)).update();
        DsarRequest request = new DsarRequest(requestId, "DSAR-TEST", RequestType.ERASURE, Jurisdiction.EU, EMAIL,
                "Held Subject", null, null, null, Locale.ENGLISH, RequestStage.RECEIVED, NOW, null, null, null,
                AccessScope.FULL);
        when(requests.get(requestId)).thenReturn(request);
        when(lookup.subjectOf(request)).thenReturn(SubjectParameters.of(EMAIL, Map.of()));
        registry = new LegalHoldRegistry(jdbc, catalogue, clock, HoldRulesTest.KEYED_HASH);
        checks = new LegalHoldCheckRepository(jdbc);
        service = new LegalHoldCheckService(checks, mock(RequestEvents.class), requests, lookup, catalogue, registry,
                clock, HoldRulesTest.KEYED_HASH);
        summaries = new LegalHoldSummaries(checks, registry, catalogue);
        reviews = new LegalReviews(checks, registry, requests, mock(RequestEvents.class));
    }

    @Nested
    class Registry {

        @Test
        void shouldStoreTheSubjectOnlyAsAHashAndRecordEveryChange() {
            LegalHold hold = registry.place(subjectHold("HELD@example.org ", null), "legal");

            assertThat(jdbc.sql("SELECT subject_hash FROM legal_hold WHERE id = :id").param("id", hold.id())
                    .query(String.class).single()).isEqualTo(SubjectKey.of(SubjectKey.Type.EMAIL, EMAIL, HoldRulesTest.KEYED_HASH).hash());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_hold WHERE LOWER(CONCAT(matter_reference, note,"
                    + " subject_hash)) LIKE '%held@%'").query(Integer.class).single()).isZero();

            registry.review(hold.id(), LocalDate.of(2027, 6, 30), "Still pending", "legal");
            registry.release(hold.id(), "Settled", "legal2");

            assertThat(registry.events(hold.id())).extracting(LegalHoldRegistry.HoldEvent::action)
                    .containsExactly("PLACED", "REVIEWED", "RELEASED");
            LegalHold released = registry.get(hold.id());
            assertThat(released.active()).isFalse();
            assertThat(released.releasedBy()).isEqualTo("legal2");
            assertThat(released.reviewAt()).isEqualTo(LocalDate.of(2027, 6, 30));
            assertThat(registry.active()).extracting(LegalHold::id).doesNotContain(hold.id());
            assertThat(registry.all()).extracting(LegalHold::id).contains(hold.id());
        }

        @Test
        void shouldRefuseToChangeAReleasedHold() {
            LegalHold hold = registry.place(subjectHold(EMAIL, null), "legal");
            registry.release(hold.id(), "Settled", "legal");

            assertThatThrownBy(() -> registry.release(hold.id(), "Again", "legal"))
                    .isInstanceOf(LegalHoldRegistry.HoldReleasedException.class);
            assertThatThrownBy(() -> registry.review(hold.id(), LocalDate.of(2027, 1, 1), null, "legal"))
                    .isInstanceOf(LegalHoldRegistry.HoldReleasedException.class);
        }

        @Test
        void shouldNameEveryProblemOfAHoldThatMakesNoSense() {
            NewHold nonsense = new NewHold("M-1", LegalHold.Scope.SOURCE, SubjectKey.Type.EMAIL, EMAIL, "no-such",
                    "identity", "BECAUSE", null, LocalDate.of(2020, 1, 1));

            assertThatThrownBy(() -> registry.place(nonsense, "legal"))
                    .isInstanceOfSatisfying(LegalHoldRegistry.InvalidHoldException.class, e -> assertThat(e.problems())
                            .anyMatch(p -> p.startsWith("reasonCode"))
                            .anyMatch(p -> p.startsWith("subject"))
                            .anyMatch(p -> p.startsWith("sourceName"))
                            .anyMatch(p -> p.startsWith("category"))
                            .anyMatch(p -> p.startsWith("reviewAt")));
            assertThatThrownBy(() -> registry.get("no-such-hold"))
                    .isInstanceOf(LegalHoldRegistry.HoldNotFoundException.class);
        }
    }

    @Nested
    class Check {

        @Test
        void shouldRecordWhatIsKeptPerTableAndReturnCountsOnly() {
            LegalHold hold = registry.place(subjectHold(EMAIL, "web-enquiries"), "legal");

            LegalHoldCheckService.CheckResult result = service.check(requestId);

            assertThat(result.subjectHolds()).isEqualTo(1);
            assertThat(result.retentionKeeps()).isEqualTo(1);
            assertThat(result.everythingKept()).isFalse();
            assertThat(checks.latestCheck(requestId)).extracting(CheckedItem::sourceName,
                    CheckedItem::decision, CheckedItem::holdId)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("web-enquiries", HoldRules.Decision.KEEP, hold.id()),
                            org.assertj.core.groups.Tuple.tuple("orders", HoldRules.Decision.KEEP_RECENT, null));
            assertThat(summaries.reviewSummary(requestId)).contains("M-2026-17").contains(hold.id())
                    .doesNotContain(EMAIL);
            registry.release(hold.id(), "done", "legal");
        }

        @Test
        void shouldKeepWhatAHoldPlacedAfterTheCheckCoversWhenErasureAsksAgain() {
            service.check(requestId);
            var enquiries = HoldRulesTest.ENQUIRIES_SOURCE.erasure().get(0);
            assertThat(service.keeps(requestId, "web-enquiries", enquiries)).isEmpty();

            LegalHold late = registry.place(subjectHold(EMAIL, "web-enquiries"), "legal");

            assertThat(service.keeps(requestId, "web-enquiries", enquiries)).hasValueSatisfying(keep -> {
                assertThat(keep.keepsEverything()).isTrue();
                assertThat(keep.holdId()).isEqualTo(late.id());
                assertThat(keep.reasonCode()).isEqualTo("GDPR-17-3-E-LEGAL-CLAIMS");
            });
            assertThat(service.keeps(requestId, "orders", HoldRulesTest.ORDERS_SOURCE.erasure().get(0)))
                    .hasValueSatisfying(keep -> {
                        assertThat(keep.column()).isEqualTo("ordered_at");
                        assertThat(keep.keepFrom()).isEqualTo(Instant.parse("2020-11-20T12:00:00Z"));
                        assertThat(keep.holdId()).isNull();
                    });
            registry.release(late.id(), "done", "legal");
            assertThat(service.keeps(requestId, "web-enquiries", enquiries)).isEmpty();
        }

        @Test
        void shouldRefuseIncompleteLegalReviewDecisions() {
            LegalHold hold = registry.place(subjectHold(EMAIL, null), "legal");
            service.check(requestId);

            assertThat(reviews.refusal(requestId, null, null, null)).isPresent();
            assertThat(reviews.refusal(requestId, "DENY", null, null)).hasValueSatisfying(r ->
                    assertThat(r).contains("reason code"));
            assertThat(reviews.refusal(requestId, "DENY", "LEGAL_HOLD", null)).isEmpty();
            assertThat(reviews.refusal(requestId, "RELEASE_HOLD", null, "another-hold")).isPresent();
            assertThat(reviews.refusal(requestId, "RELEASE_HOLD", null, hold.id())).isEmpty();
            assertThat(reviews.recordReview(requestId, LegalReviewDecision.RELEASE_HOLD, null, hold.id()))
                    .isEqualTo(LegalHoldOutcome.RECHECK);
            assertThat(reviews.recordReview(requestId, LegalReviewDecision.CONFIRM_PARTIAL, null, null))
                    .isEqualTo(LegalHoldOutcome.PROCEED_PARTLY);
            registry.release(hold.id(), "done", "legal");
            assertThat(reviews.refusal(requestId, "RELEASE_HOLD", null, hold.id())).hasValueSatisfying(r ->
                    assertThat(r).contains("released already"));
        }
    }

    private static NewHold subjectHold(String email, String sourceName) {
        return new NewHold("M-2026-17", LegalHold.Scope.SUBJECT, SubjectKey.Type.EMAIL, email, sourceName, null,
                "GDPR-17-3-E-LEGAL-CLAIMS", "Dispute", LocalDate.of(2027, 1, 1));
    }
}
