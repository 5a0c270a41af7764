package org.harmony.dsar.legalhold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.legalhold.HoldRules.Decision;
import org.harmony.dsar.legalhold.HoldRules.Item;
import org.harmony.dsar.legalhold.HoldRules.Verdict;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureKind;
import org.harmony.dsar.lookup.DataSourceCatalogue.RetentionRule;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.SubjectKey;
import org.harmony.dsar.request.RequestType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which holds and retention rules keep which tables: the rule evaluation, without database or engine. */
class HoldRulesTest {

    static final KeyedHash KEYED_HASH = new KeyedHash("hold-rules-test-key-not-a-secret-0001");
    private static final String EMAIL = "Marie.Dubois@example.fr";
    private static final List<SubjectKey> SUBJECT = List.of(SubjectKey.of(SubjectKey.Type.EMAIL, EMAIL, KEYED_HASH),
            SubjectKey.of(SubjectKey.Type.PHONE, "+33 1 70 36 39 50", KEYED_HASH));

    private static final RetentionRule TAX = new RetentionRule("ordered_at", Period.ofYears(6), "GDPR-17-3-B-TAX",
            "Accounting records kept 6 years by tax law", "purchase history");
    static final Source ENQUIRIES_SOURCE = source("web-enquiries", List.of("identity", "contact details"),
            action("sor.web_enquiry", null));
    static final Source ORDERS_SOURCE = source("orders", List.of("purchase history"),
            action("sor.customer_order", TAX));
    private static final Source CALLS = source("call-recordings", List.of("voice recordings"),
            action("sor.call_recording", null));
    private static final List<Source> SOURCES = List.of(ENQUIRIES_SOURCE, ORDERS_SOURCE, CALLS);

    @Nested
    class SubjectKeys {

        @Test
        void shouldHashEqualIdentifiersAlikeWhateverTheirSpelling() {
            assertThat(SubjectKey.of(SubjectKey.Type.EMAIL, " marie.dubois@EXAMPLE.fr ", KEYED_HASH))
                    .isEqualTo(SubjectKey.of(SubjectKey.Type.EMAIL, EMAIL, KEYED_HASH));
            assertThat(SubjectKey.of(SubjectKey.Type.PHONE, "01 70 36 39 50", KEYED_HASH))
                    .isEqualTo(SubjectKey.of(SubjectKey.Type.PHONE, "+33 (1) 70-36-39-50", KEYED_HASH));
            assertThat(SubjectKey.of(SubjectKey.Type.CUSTOMER_NUMBER, "c-100003", KEYED_HASH))
                    .isEqualTo(SubjectKey.of(SubjectKey.Type.CUSTOMER_NUMBER, "C100003", KEYED_HASH));
        }

        @Test
        void shouldNeverKeepTheIdentifierItself() {
            SubjectKey key = SubjectKey.of(SubjectKey.Type.EMAIL, EMAIL, KEYED_HASH);
            assertThat(key.hash()).hasSize(64).doesNotContainIgnoringCase("marie");
            assertThat(SubjectKey.of(SubjectKey.Type.PHONE, " ", KEYED_HASH)).isNull();
        }

        @Test
        void shouldBeKeyedSoThatAnotherInstallationsKeyGivesAnotherHash() {
            assertThat(SubjectKey.of(SubjectKey.Type.EMAIL, EMAIL, new KeyedHash("another-installation-key-0000000")))
                    .isNotEqualTo(SubjectKey.of(SubjectKey.Type.EMAIL, EMAIL, KEYED_HASH));
            assertThat(SubjectKey.of(SubjectKey.Type.EMAIL, EMAIL, KEYED_HASH).hash())
                    .isEqualTo(KEYED_HASH.hex("legal-hold:EMAIL:marie.dubois@example.fr"));
        }

        @Test
        void shouldNotMatchTheSameValueAsAnotherKindOfIdentifier() {
            assertThat(SubjectKey.of(SubjectKey.Type.CUSTOMER_NUMBER, "123456789", KEYED_HASH))
                    .isNotEqualTo(SubjectKey.of(SubjectKey.Type.PHONE, "123456789", KEYED_HASH));
        }
    }

    @Nested
    class Erasure {

        @Test
        void shouldActOnEverythingAndKeepWhatRetentionKeepsWithoutHolds() {
            Verdict verdict = HoldRules.evaluate(RequestType.ERASURE, SUBJECT, List.of(), SOURCES);

            assertThat(verdict.items()).extracting(Item::sourceName, Item::decision, Item::reasonCode, Item::category)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("web-enquiries", Decision.ACT, null, null),
                            org.assertj.core.groups.Tuple.tuple("orders", Decision.KEEP_RECENT, "GDPR-17-3-B-TAX",
                                    "purchase history"),
                            org.assertj.core.groups.Tuple.tuple("call-recordings", Decision.ACT, null, null));
            assertThat(verdict.holdsFound()).isZero();
            assertThat(verdict.retentionKeeps()).isEqualTo(1);
            assertThat(verdict.everythingKept()).isFalse();
        }

        @Test
        void shouldKeepEverySourceUnderAHoldOnTheSubject() {
            LegalHold hold = hold("h1", LegalHold.Scope.SUBJECT, SubjectKey.Type.EMAIL, EMAIL, null, null);

            Verdict verdict = HoldRules.evaluate(RequestType.ERASURE, SUBJECT, List.of(hold), SOURCES);

            assertThat(verdict.items()).allSatisfy(item -> {
                assertThat(item.decision()).isEqualTo(Decision.KEEP);
                assertThat(item.holdId()).isEqualTo("h1");
                assertThat(item.reasonCode()).isEqualTo("GDPR-17-3-E-LEGAL-CLAIMS");
            });
            assertThat(verdict.subjectHolds()).isEqualTo(1);
            assertThat(verdict.otherHolds()).isZero();
            assertThat(verdict.everythingKept()).isTrue();
        }

        @Test
        void shouldKeepOnlyTheSourceASubjectHoldNames() {
            LegalHold hold = hold("h1", LegalHold.Scope.SUBJECT, SubjectKey.Type.PHONE, "0170363950", "call-recordings",
                    null);

            Verdict verdict = HoldRules.evaluate(RequestType.ERASURE, SUBJECT, List.of(hold), SOURCES);

            assertThat(decisions(verdict)).containsExactly(Decision.ACT, Decision.KEEP_RECENT, Decision.KEEP);
            assertThat(verdict.subjectHolds()).isEqualTo(1);
            assertThat(verdict.everythingKept()).isFalse();
        }

        @Test
        void shouldIgnoreHoldsOnOtherSubjectsAndReleasedHolds() {
            LegalHold other = hold("h1", LegalHold.Scope.SUBJECT, SubjectKey.Type.EMAIL, "ada@example.org", null, null);
            LegalHold released = new LegalHold("h2", "M-1", LegalHold.Scope.SOURCE, null, null, "web-enquiries", null,
                    "GDPR-17-3-E-LEGAL-CLAIMS", null, "legal", Instant.EPOCH, LocalDate.EPOCH, Instant.EPOCH, "legal",
                    "settled");

            Verdict verdict = HoldRules.evaluate(RequestType.ERASURE, SUBJECT, List.of(other, released), SOURCES);

            assertThat(decisions(verdict)).containsExactly(Decision.ACT, Decision.KEEP_RECENT, Decision.ACT);
            assertThat(verdict.holdsFound()).isZero();
        }

        @Test
        void shouldKeepAWholeSourceForEverySubject() {
            LegalHold hold = hold("h1", LegalHold.Scope.SOURCE, null, null, "web-enquiries", null);

            Verdict verdict = HoldRules.evaluate(RequestType.ERASURE, SUBJECT, List.of(hold), SOURCES);

            assertThat(decisions(verdict)).containsExactly(Decision.KEEP, Decision.KEEP_RECENT, Decision.ACT);
            assertThat(verdict.subjectHolds()).isZero();
            assertThat(verdict.otherHolds()).isEqualTo(1);
        }

        @Test
        void shouldKeepEverySourceWithTheCategoryAndPreferTheHoldOverRetention() {
            LegalHold hold = hold("h1", LegalHold.Scope.CATEGORY, null, null, null, "Purchase History");

            Verdict verdict = HoldRules.evaluate(RequestType.ERASURE, SUBJECT, List.of(hold), SOURCES);

            assertThat(decisions(verdict)).containsExactly(Decision.ACT, Decision.KEEP, Decision.ACT);
            assertThat(verdict.items().get(1).holdId()).isEqualTo("h1");
            assertThat(verdict.retentionKeeps()).isZero();
        }

        @Test
        void shouldKeepRowsInsideTheRetentionPeriod() {
            assertThat(HoldRules.keepFrom(TAX, Instant.parse("2026-11-20T12:00:00Z")))
                    .isEqualTo(Instant.parse("2020-11-20T12:00:00Z"));
        }
    }

    @Nested
    class OtherRequests {

        @Test
        void shouldReportHoldsPerSourceButNoRetentionForARestriction() {
            LegalHold hold = hold("h1", LegalHold.Scope.SUBJECT, SubjectKey.Type.EMAIL, EMAIL, "orders", null);

            Verdict verdict = HoldRules.evaluate(RequestType.RESTRICTION, SUBJECT, List.of(hold), SOURCES);

            assertThat(verdict.items()).extracting(Item::table).containsOnly("*");
            assertThat(decisions(verdict)).containsExactly(Decision.ACT, Decision.KEEP, Decision.ACT);
            assertThat(verdict.subjectHolds()).isEqualTo(1);
            assertThat(verdict.retentionKeeps()).isZero();
        }
    }

    private static List<Decision> decisions(Verdict verdict) {
        return verdict.items().stream().map(Item::decision).toList();
    }

    static LegalHold hold(String id, LegalHold.Scope scope, SubjectKey.Type type, String value, String source,
            String category) {
        SubjectKey key = type == null ? null : SubjectKey.of(type, value, KEYED_HASH);
        return new LegalHold(id, "M-2026-17", scope, type, key == null ? null : key.hash(), source, category,
                "GDPR-17-3-E-LEGAL-CLAIMS", null, "legal", Instant.EPOCH, LocalDate.of(2027, 1, 1), null, null, null);
    }

    static Source source(String name, List<String> categories, ErasureAction action) {
        return new Source(name, name, null, null, "SELECT 1", null, null, List.of(action), null, null, categories,
                null, null, null, null, null, null, null, null, null, null);
    }

    static ErasureAction action(String table, RetentionRule retention) {
        return new ErasureAction(table, "id", "email = :email", ErasureKind.DELETE, Map.of(), retention, null, null);
    }
}
