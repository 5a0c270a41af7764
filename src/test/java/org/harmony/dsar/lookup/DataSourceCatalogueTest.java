package org.harmony.dsar.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Properties;

import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureKind;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RequestType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

class DataSourceCatalogueTest {

    private static final String ONE_SOURCE = """
            sources:
              - name: crm
                title: CRM
                query: SELECT * FROM crm WHERE email = :email
            """;

    @Nested
    class TheShippedCatalogue {

        private final DataSourceCatalogue.Catalogue catalogue =
                DataSourceCatalogue.load(new ClassPathResource("data-sources.yml"));

        @Test
        void shouldListTheDemoSystemsInOrder() {
            assertThat(catalogue.sources()).extracting(Source::name).containsExactly("web-enquiries", "newsletter",
                    "newsletter-unsubscribes", "customer-accounts", "orders", "support-tickets", "call-recordings",
                    "affiliate-visits", "analytics-cookies", "marketing-partners", "printed-mailings");
        }

        @Test
        void shouldKeyOrdersByTheCustomerIdsFoundInAccounts() {
            Source orders = source("orders");
            assertThat(orders.keyedBy().source()).isEqualTo("customer-accounts");
            assertThat(orders.keyedBy().column()).isEqualTo("id");
            assertThat(orders.keyedBy().parameter()).isEqualTo("customerIds");
            assertThat(orders.erasure().get(0).retention().period()).isEqualTo(Period.ofYears(6));
        }

        @Test
        void shouldReadErasureActionsWithTheirStrategies() {
            var action = source("customer-accounts").erasure().get(0);
            assertThat(action.action()).isEqualTo(ErasureKind.ANONYMISE);
            assertThat(action.idColumn()).isEqualTo("id");
            assertThat(action.fields()).containsKeys("full_name", "email", "phone", "postcode", "password_hash");
            assertThat(action.fields().get("full_name").strategy()).isEqualTo(AnonymisationStrategy.FIXED);
            assertThat(action.fields().get("email").strategy()).isEqualTo(AnonymisationStrategy.HASH);
            assertThat(action.fields().get("phone").strategy()).isEqualTo(AnonymisationStrategy.NULL);
            assertThat(action.fields().get("password_hash").strategy()).isEqualTo(AnonymisationStrategy.RANDOM);
            assertThat(source("web-enquiries").erasure().get(0).action()).isEqualTo(ErasureKind.DELETE);
        }

        @Test
        void shouldReadRectificationAndSuppressionByRequestType() {
            assertThat(source("customer-accounts").rectification().fields())
                    .containsEntry("phone", "phone").containsEntry("fullName", "full_name");
            assertThat(source("customer-accounts").suppressionFor(RequestType.OPT_OUT_OF_SALE))
                    .singleElement().satisfies(s -> assertThat(s.set()).containsEntry("do_not_sell", "true"));
            assertThat(source("web-enquiries").suppressionFor(RequestType.RESTRICTION)).isEmpty();
        }

        @Test
        void shouldSayWhoseEachExpiredRecordIsWhereRoutineRetentionDeletes() {
            assertThat(source("call-recordings").routineRetention().subjectColumns())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("email", "caller_email", "phone", "caller_phone"));
            var visits = source("affiliate-visits").routineRetention();
            assertThat(visits.period()).isEqualTo(Period.ofMonths(13));
            assertThat(visits.idColumn()).isEqualTo("id");
            assertThat(visits.subjectColumns()).containsExactlyEntriesOf(Map.of("email", "email"));
        }

        @Test
        void shouldDeclareEachConsentWithTheSuppressionThatWithdrawsItAlone() {
            assertThat(catalogue.consents()).extracting(DataSourceCatalogue.Consent::name).containsExactly(
                    "newsletter-product-news", "newsletter-offers", "customer-marketing", "analytics-cookies",
                    "partner-sharing");
            assertThat(source("newsletter").suppressionFor(RequestType.WITHDRAW_CONSENT))
                    .extracting(DataSourceCatalogue.Suppression::consent)
                    .containsExactly("newsletter-product-news", "newsletter-offers");
            assertThat(source("newsletter").suppressionFor(RequestType.WITHDRAW_CONSENT).get(1).where())
                    .contains("list_name = 'Offers'");
            assertThat(source("newsletter").suppressionFor(RequestType.OBJECTION)).singleElement()
                    .satisfies(s -> assertThat(s.objectsTo()).containsExactly(ObjectionScope.DIRECT_MARKETING));
            assertThat(source("call-recordings").suppressionFor(RequestType.OBJECTION)).singleElement()
                    .satisfies(s -> assertThat(s.objectsTo()).containsExactly(ObjectionScope.OTHER_PROCESSING));
            assertThat(catalogue.sources()).flatExtracting(Source::suppression)
                    .filteredOn(s -> s.requestTypes().contains(RequestType.WITHDRAW_CONSENT))
                    .allSatisfy(s -> assertThat(s.consent()).isNotNull());
        }

        @Test
        void shouldDefaultToJdbcOnTheEngineDatabaseAndProvidedData() {
            assertThat(source("web-enquiries").type()).isEqualTo(SourceType.JDBC);
            assertThat(source("web-enquiries").connection()).isEqualTo("default");
            assertThat(source("web-enquiries").providedBySubject()).isTrue();
            assertThat(source("call-recordings").providedBySubject()).isFalse();
        }

        private Source source(String name) {
            return catalogue.sources().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    @Nested
    class Validation {

        @Test
        void shouldRefuseAKeyedSourceBeforeItsKeySource(@TempDir Path dir) throws IOException {
            assertThatThrownBy(() -> load(dir, """
                    sources:
                      - name: orders
                        title: Orders
                        keyed-by: {source: accounts, column: id, parameter: ids}
                        query: SELECT 1
                      - name: accounts
                        title: Accounts
                        query: SELECT 1
                    """)).hasMessageContaining("keyed-by names accounts");
        }

        @Test
        void shouldRefuseAWithdrawalOfConsentThatDoesNotSayWhichConsent(@TempDir Path dir) throws IOException {
            String consents = """
                    consents:
                      - {name: offers, title: Offers, purpose: sending offers}
                    """;
            String source = """
                    sources:
                      - name: crm
                        title: CRM
                        query: SELECT 1
                        suppression:
                          - request-types: [WITHDRAW_CONSENT]
                            table: crm.person
                            where: "email = :email"
                            set: {offers: "false"}
                    """;
            assertThatThrownBy(() -> load(dir, consents + source)).hasMessageContaining("must name the consent");
            assertThatThrownBy(() -> load(dir, consents + source.replace("set:", "consent: newsletter\n        set:")))
                    .hasMessageContaining("consent 'newsletter'");
            assertThatThrownBy(() -> load(dir, consents + ONE_SOURCE))
                    .hasMessageContaining("no suppression withdraws the consents [offers]");
            assertThat(load(dir, consents + source.replace("set:", "consent: offers\n        set:")).consents())
                    .singleElement().satisfies(c -> assertThat(c.purpose()).isEqualTo("sending offers"));
        }

        @Test
        void shouldRefuseAnonymisationWithoutFieldsAndUnsafeColumnNames(@TempDir Path dir) throws IOException {
            assertThatThrownBy(() -> load(dir, """
                    sources:
                      - name: crm
                        title: CRM
                        query: SELECT 1
                        erasure:
                          - {table: crm.person, where: "email = :email", action: anonymise}
                    """)).hasMessageContaining("needs fields");
            assertThatThrownBy(() -> load(dir, """
                    sources:
                      - name: crm
                        title: CRM
                        query: SELECT 1
                        erasure:
                          - table: crm.person
                            where: "email = :email"
                            action: anonymise
                            fields: {"name = 'x'; --": {strategy: "null"}}
                    """)).hasMessageContaining("column");
        }

        @Test
        void shouldRefuseHttpSourcesThatCannotDoWhatTheyDeclare(@TempDir Path dir) throws IOException {
            String http = """
                    sources:
                      - name: calls
                        title: Calls
                        type: http
                        http: {url: "/recordings?email={email}", records-path: recordings}
                    """;
            assertThatThrownBy(() -> load(dir, http + """
                        erasure:
                          - {table: recordings, action: anonymise, fields: {email: {strategy: hash}}}
                    """)).hasMessageContaining("needs url and a method of");
            assertThatThrownBy(() -> load(dir, http + """
                        rectification: {table: recordings, where: "1 = 1", fields: {email: email}}
                    """)).hasMessageContaining("url and method (http)");
            assertThatThrownBy(() -> load(dir, http + """
                        rectification: {url: "/recordings/{id}", method: GET, fields: {phone: caller_phone}}
                    """)).hasMessageContaining("url and method (http)");
            assertThatThrownBy(() -> load(dir, http + """
                        suppression:
                          - {request-types: [OBJECTION], table: recordings, where: "1 = 1", set: {training: "false"}}
                    """)).hasMessageContaining("url and method (http)");
            assertThatThrownBy(() -> load(dir, http + """
                        routine-retention: {period: P3M}
                    """)).hasMessageContaining("routine-retention of an http source needs url and an erasure action");
        }

        @Test
        void shouldRefuseSubjectColumnsOfRoutineRetentionThatAreNoHoldIdentifierOrNoColumn(@TempDir Path dir)
                throws IOException {
            String visits = """
                    sources:
                      - name: visits
                        title: Visits
                        query: SELECT 1
                        routine-retention:
                          period: P13M
                          table: sor.visit
                          column: visited_at
                    """;
            assertThat(load(dir, visits + "      subject-columns: {email: email, customerNumber: customer_no}\n")
                    .sources().get(0).routineRetention().subjectColumns()).hasSize(2);
            assertThatThrownBy(() -> load(dir, visits + "      subject-columns: {fullName: full_name}\n"))
                    .hasMessageContaining("subject-columns name an identifier of");
            assertThatThrownBy(() -> load(dir, visits + "      subject-columns: {email: \"email; DROP TABLE x\"}\n"))
                    .hasMessageContaining("subject-columns name an identifier of");
            assertThatThrownBy(() -> load(dir, visits + "      id-column: \"id OR 1=1\"\n"))
                    .hasMessageContaining("its id-column a column");
        }

        @Test
        void shouldRefuseUnknownKeysAndDuplicateNames(@TempDir Path dir) throws IOException {
            assertThatThrownBy(() -> load(dir, ONE_SOURCE + "    querry: typo\n")).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> load(dir, ONE_SOURCE + ONE_SOURCE.replace("sources:\n", "")))
                    .hasMessageContaining("appears twice");
        }

        @Test
        void shouldReadAnHttpSource(@TempDir Path dir) throws IOException {
            var catalogue = load(dir, """
                    sources:
                      - name: helpdesk
                        title: Helpdesk
                        type: http
                        http: {url: "http://helpdesk/api/people?email={email}", records-path: data.items}
                        rectification: {url: "/people/{id}", fields: {phone: phone_number}}
                    """);
            assertThat(catalogue.sources().get(0).type()).isEqualTo(SourceType.HTTP);
            assertThat(catalogue.sources().get(0).http().recordsPath()).isEqualTo("data.items");
            assertThat(catalogue.sources().get(0).rectification().httpMethod()).isEqualTo("PATCH");
            assertThat(catalogue.sources().get(0).rectification().fields()).containsEntry("phone", "phone_number");
        }

        private DataSourceCatalogue.Catalogue load(Path dir, String yaml) throws IOException {
            Path file = dir.resolve("catalogue.yml");
            Files.writeString(file, yaml);
            return DataSourceCatalogue.load(new org.springframework.core.io.FileSystemResource(file));
        }
    }

    @Nested
    class Reload {

        @Test
        void shouldPickUpAChangedFileWithoutRestart(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("data-sources.yml");
            Files.writeString(file, ONE_SOURCE);
            DataSourceCatalogue catalogue = catalogue(file);
            assertThat(catalogue.sourceNames()).containsExactly("crm");

            Files.writeString(file, ONE_SOURCE + """
                      - name: billing
                        title: Billing
                        query: SELECT * FROM billing WHERE email = :email
                    """);

            assertThat(catalogue.sourceNames()).containsExactly("crm", "billing");
        }

        @Test
        void shouldKeepThePreviousCatalogueWhenTheChangedFileIsInvalid(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("data-sources.yml");
            Files.writeString(file, ONE_SOURCE);
            DataSourceCatalogue catalogue = catalogue(file);

            Files.writeString(file, "sources:\n  - name: Not Valid\n    title: x\n    query: SELECT 1\n");

            assertThat(catalogue.reloadIfChanged()).isFalse();
            assertThat(catalogue.sourceNames()).containsExactly("crm");
        }

        private DataSourceCatalogue catalogue(Path file) {
            return new DataSourceCatalogue(new CatalogueProperties("file:" + file, Duration.ZERO, Map.of(),
                    Duration.ofSeconds(1), 100, null), new DefaultResourceLoader(), Clock.systemUTC());
        }
    }

    /** The worked example of docs/designer-guide.md, "Add a data source", read from the guide itself. */
    @Nested
    class TheDesignersGuide {

        @Test
        void shouldLoadTheGuidesLoyaltySource(@TempDir Path dir) throws IOException {
            String guide = Files.readString(Path.of("docs/designer-guide.md"));
            String section = guide.substring(guide.indexOf("## Add a data source"));
            String yaml = section.substring(section.indexOf("```yaml") + "```yaml".length(), section.indexOf("```\n", section.indexOf("```yaml") + 7));
            Path file = dir.resolve("catalogue.yml");
            Files.writeString(file, yaml);

            Source loyalty = DataSourceCatalogue.load(new org.springframework.core.io.FileSystemResource(file))
                    .sources().get(0);

            assertThat(loyalty.name()).isEqualTo("loyalty");
            assertThat(loyalty.type()).isEqualTo(SourceType.JDBC);
            assertThat(loyalty.query()).contains(":email");
            var erasure = loyalty.erasure().get(0);
            assertThat(erasure.action()).isEqualTo(ErasureKind.ANONYMISE);
            assertThat(erasure.fields().get("email").strategy()).isEqualTo(AnonymisationStrategy.HASH);
            assertThat(erasure.retention().period()).isEqualTo(Period.ofYears(6));
            Properties grounds = new Properties();
            try (var in = new ClassPathResource("mail/grounds.properties").getInputStream()) {
                grounds.load(in);
            }
            assertThat(grounds).containsKey(erasure.retention().reasonCode());
        }
    }
}
