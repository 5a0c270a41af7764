package org.harmony.dsar.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.harmony.dsar.request.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What adding a jurisdiction takes (docs/designer-guide.md): a row in every decision table that has a jurisdiction
 * input, the code in that input's list of values, and a holiday calendar.
 */
class JurisdictionTablesTest {

    static final Pattern JURISDICTION_INPUT = Pattern.compile(
            "<input [^>]*camunda:inputVariable=\"jurisdiction\"|<text>jurisdiction</text>");
    static final Pattern JURISDICTION_VALUES = Pattern.compile(
            "<inputExpression[^>]*>\\s*<text>jurisdiction</text>\\s*</inputExpression>\\s*<inputValues[^>]*>\\s*<text>([^<]*)</text>");
    static final Pattern US_VA_RULE = Pattern.compile("<rule id=\"Rule_UsVa\">.*?</rule>", Pattern.DOTALL);

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void shouldAnswerForEveryJurisdictionInEveryTableWithAJurisdictionInput() throws IOException {
        List<Path> tables = jurisdictionTables();
        assertThat(tables).extracting(table -> table.getFileName().toString())
                .contains("ResponseDeadline.dmn", "DeadlineClock.dmn", "DeadlineExtension.dmn", "BreachNoticeDeadline.dmn");
        for (Path table : tables) {
            String xml = Files.readString(table);
            for (Jurisdiction jurisdiction : Jurisdiction.values()) {
                assertThat(evaluate(xml, jurisdiction.code()).getResultList())
                        .as("%s answers for %s", table.getFileName(), jurisdiction.code()).isNotEmpty();
            }
        }
    }

    @Test
    void shouldListEveryJurisdictionInTheTablesInputValues() throws IOException {
        int listed = 0;
        for (Path table : jurisdictionTables()) {
            Matcher values = JURISDICTION_VALUES.matcher(Files.readString(table));
            if (values.find()) {
                listed++;
                for (Jurisdiction jurisdiction : Jurisdiction.values()) {
                    assertThat(values.group(1)).as("input values of %s", table.getFileName())
                            .contains("\"" + jurisdiction.code() + "\"");
                }
            }
        }
        assertThat(listed).isGreaterThanOrEqualTo(4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEveryJurisdictionAHolidayCalendar() throws IOException {
        Map<String, Object> configuration;
        try (InputStream yaml = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            configuration = new Yaml().load(yaml);
        }
        Map<String, Object> deadlines = (Map<String, Object>) ((Map<String, Object>) configuration.get("dsar")).get("deadlines");
        Map<String, String> calendars = (Map<String, String>) deadlines.get("holiday-calendars");
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            assertThat(calendars).as("holiday calendar").containsKey(jurisdiction.code());
        }
    }

    @Test
    void shouldGiveANewJurisdictionTheAnswerOfTheRowCopiedForIt() throws IOException {
        String xml = Files.readString(Path.of("processes/ResponseDeadline.dmn"));
        assertThat(evaluate(xml, "US-TX").getResultList()).isEmpty();

        Matcher usVa = US_VA_RULE.matcher(xml);
        assertThat(usVa.find()).isTrue();
        String usTx = usVa.group().replace("UsVa", "UsTx").replace("\"US-VA\"", "\"US-TX\"");
        String withTexas = xml.substring(0, usVa.end()) + usTx + xml.substring(usVa.end());

        DmnDecisionResult texas = evaluate(withTexas, "US-TX");
        assertThat(texas.getSingleResult().getEntryMap())
                .containsEntry("responsePeriod", "P45D").containsEntry("deadlineCounting", "CALENDAR");
    }

    private DmnDecisionResult evaluate(String xml, String jurisdiction) {
        DmnDecision decision = dmn.parseDecisions(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).get(0);
        return dmn.evaluateDecision(decision, Variables.createVariables()
                .putValue("jurisdiction", jurisdiction)
                .putValue("requestType", "ACCESS")
                .putValue("subjectRelationship", "SUBJECT")
                .putValue("extensionsGranted", 0)
                .putValue("beforeOriginalDeadline", true));
    }

    private static List<Path> jurisdictionTables() throws IOException {
        List<Path> tables = new ArrayList<>();
        try (var files = Files.list(Path.of("processes"))) {
            for (Path table : files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList()) {
                if (JURISDICTION_INPUT.matcher(Files.readString(table)).find()) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }
}
