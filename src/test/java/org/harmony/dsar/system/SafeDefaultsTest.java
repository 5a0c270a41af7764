package org.harmony.dsar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.h2.jdbcx.JdbcDataSource;
import org.harmony.dsar.DsarApplication;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.system.SafeDefaults.UnsafeConfigurationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The packaged engine started without the demo profile: it refuses the demo's secrets and a missing admin, and
 * once configured it has nothing of the demo (users, system of record, mailbox, catalogue). See docs/security.md, "Safe
 * defaults".
 */
@ExtendWith(OutputCaptureExtension.class)
class SafeDefaultsTest {

    private static final String HASH_KEY = "safe-defaults-test-key-0123456789abcdef";
    private static final String CATALOGUE = """
            sources:
              - name: installation-crm
                title: The installation's own CRM
                query: SELECT 1 AS id FROM dsar_request WHERE 1 = 0
            """;

    @TempDir
    Path dir;

    @Nested
    class RefusesToStart {

        @Test
        void shouldRefuseWithoutAHashKeyAndSayWhichVariableToSet(CapturedOutput output) throws IOException {
            String database = "jdbc:h2:mem:safe-defaults-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

            assertThatThrownBy(() -> start(database, "--dsar.security.hash-key=", "--DSAR_ADMIN_USER=operator",
                    "--DSAR_ADMIN_PASSWORD=a-long-operator-password", catalogueArgument()))
                    .isInstanceOf(UnsafeConfigurationException.class)
                    .hasMessageContaining("DSAR_HASH_KEY) is not set")
                    .hasMessageNotContaining("DSAR_ADMIN_USER");

            assertThat(output).contains("APPLICATION FAILED TO START", "dsar.security.hash-key (DSAR_HASH_KEY)",
                    "spring.profiles.active=demo");
            assertThat(output).doesNotContain("at org.harmony.dsar.system.SafeDefaults.");
            assertThat(tablesIn(database)).as("refused before the database was touched").isZero();
        }

        @Test
        void shouldRefuseTheDemoHashKeyAndTheOldDefaultSalt() throws IOException {
            for (String known : List.of("demo-hash-key-known-to-everyone", "change-this-salt")) {
                assertThatThrownBy(() -> start(newDatabase(), "--DSAR_HASH_KEY=" + known, "--DSAR_ADMIN_USER=operator",
                        "--DSAR_ADMIN_PASSWORD=a-long-operator-password", catalogueArgument()))
                        .isInstanceOf(UnsafeConfigurationException.class)
                        .hasMessageContaining("DSAR_HASH_KEY) is a published default");
            }
        }

        @Test
        void shouldRefuseWithoutAnAdminUserFromTheEnvironment() throws IOException {
            assertThatThrownBy(() -> start(newDatabase(), "--DSAR_HASH_KEY=" + HASH_KEY, "--DSAR_ADMIN_USER=",
                    "--DSAR_ADMIN_PASSWORD=", catalogueArgument()))
                    .isInstanceOf(UnsafeConfigurationException.class)
                    .hasMessageContaining("no admin user is configured")
                    .hasMessageContaining("DSAR_ADMIN_USER")
                    .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_ID")
                    .hasMessageNotContaining("DSAR_HASH_KEY");
        }

        @Test
        void shouldRefuseWithoutACatalogueOrWithTheDemoCatalogue() {
            String[] secrets = {"--DSAR_HASH_KEY=" + HASH_KEY, "--DSAR_ADMIN_USER=operator",
                    "--DSAR_ADMIN_PASSWORD=a-long-operator-password"};
            assertThatThrownBy(() -> start(newDatabase(), secrets))
                    .isInstanceOf(UnsafeConfigurationException.class)
                    .hasMessageContaining("DSAR_CATALOGUE) is not set");
            assertThatThrownBy(() -> start(newDatabase(), concat(secrets, "--DSAR_CATALOGUE=classpath:data-sources.yml")))
                    .isInstanceOf(UnsafeConfigurationException.class)
                    .hasMessageContaining("is the demo catalogue");
        }
    }

    @Test
    void shouldStartConfiguredWithNothingOfTheDemo() throws Exception {
        String database = newDatabase();
        try (ConfigurableApplicationContext app = start(database, "--DSAR_HASH_KEY=" + HASH_KEY,
                "--DSAR_ADMIN_USER=operator", "--DSAR_ADMIN_PASSWORD=a-long-operator-password", catalogueArgument())) {

            assertThat(app.getEnvironment().getActiveProfiles()).doesNotContain("demo");
            List<String> users = app.getBean(IdentityService.class).createUserQuery().list().stream()
                    .map(User::getId).toList();
            assertThat(users).containsExactly("operator");

            JdbcClient jdbc = jdbc(database);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE UPPER(SCHEMA_NAME) = 'SOR'")
                    .query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'DSAR_REQUEST'")
                    .query(Integer.class).single()).as("the project's own tables are there").isOne();

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<Void> mailbox = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mailbox")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(mailbox.statusCode()).isEqualTo(404);

            assertThat(app.getBean(DataSourceCatalogue.class).sourceNames()).containsExactly("installation-crm");
        }
    }

    @Nested
    class DemoAndDockerListenLocally {

        @Test
        void shouldListenOnLoopbackInTheDemoProfileUnlessServerAddressIsSet() {
            YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
            yaml.setResources(new ClassPathResource("application-demo.yml"));
            Properties demo = yaml.getObject();
            String address = new PropertyPlaceholderHelper("${", "}", ":", null, true)
                    .replacePlaceholders(demo.getProperty("server.address"), name -> null);
            assertThat(address).isEqualTo("127.0.0.1");
            assertThat(demo.getProperty("server.address")).contains("SERVER_ADDRESS");
        }

        @Test
        @SuppressWarnings("unchecked")
        void shouldPublishDockerComposePortsOnLoopbackOnly() throws IOException {
            Map<String, Object> compose;
            try (InputStream in = new FileSystemResource("docker-compose.yml").getInputStream()) {
                compose = new org.yaml.snakeyaml.Yaml().load(in);
            }
            List<String> ports = new ArrayList<>();
            ((Map<String, Map<String, Object>>) compose.get("services")).values()
                    .forEach(service -> ports.addAll((List<String>) service.getOrDefault("ports", List.of())));
            assertThat(ports).isNotEmpty().allMatch(port -> port.startsWith("127.0.0.1:"));
        }
    }

    private ConfigurableApplicationContext start(String database, String... settings) {
        String[] common = {"--spring.datasource.url=" + database, "--server.port=0",
                "--dsar.mail.embedded-server.enabled=false", "--camunda.bpm.job-execution.enabled=false",
                "--dsar.storage.directory=" + dir.resolve("files")};
        return new SpringApplicationBuilder(DsarApplication.class).run(concat(common, settings));
    }

    private String catalogueArgument() throws IOException {
        Path file = dir.resolve("data-sources.yml");
        Files.writeString(file, CATALOGUE);
        return "--DSAR_CATALOGUE=file:" + file.toAbsolutePath();
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:safe-defaults-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    private static int tablesIn(String database) {
        return jdbc(database).sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")
                .query(Integer.class).single();
    }

    private static JdbcClient jdbc(String database) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(database);
        db.setUser("sa");
        return JdbcClient.create(db);
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
