package org.harmony.dsar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The breach notices say what the law requires, under the California headings where needed, with input escaped. */
class BreachMailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void shouldTellWhatHappenedWhatDataWhatItMeansWhatWasDoneWhatToDoAndWhomToAsk() {
        MailTemplates.Rendered notice = templates.render("breach-notice", Locale.ENGLISH, model());

        assertThat(notice.subject()).contains("BREACH-TEST0001").contains("security incident");
        assertThat(notice.text()).contains("WHAT HAPPENED", "Backup <b>exposed</b>", "- contact details",
                "- address", "WHAT THIS MAY MEAN FOR YOU", "Phishing", "WHAT WE HAVE DONE", "Closed",
                "WHAT YOU CAN DO", "Reset", "dpo@harmony.example", "1 March 2027");
        assertThat(notice.html()).doesNotContain("<b>exposed</b>").contains("&lt;b&gt;exposed&lt;/b&gt;");
    }

    @Test
    void shouldUseTheCaliforniaHeadings() {
        MailTemplates.Rendered notice = templates.render("breach-notice-california", Locale.ENGLISH, model());

        assertThat(notice.subject()).startsWith("Notice of Data Breach");
        assertThat(notice.html()).contains("What Happened", "What Information Was Involved", "What We Are Doing",
                "What You Can Do", "For More Information");
        assertThat(notice.text()).startsWith("NOTICE OF DATA BREACH");
    }

    @Test
    void shouldWriteGermanForGermanReaders() {
        MailTemplates.Rendered notice = templates.render("breach-notice", Locale.GERMAN, model());

        assertThat(notice.subject()).startsWith("Wichtig");
        assertThat(notice.text()).contains("WAS PASSIERT IST", "WAS SIE TUN KÖNNEN");
    }

    @Test
    void shouldAlertTheDpoWithCountsOnly() {
        Map<String, Object> model = new HashMap<>(Map.of("alert", "NOTICES_LATE", "reference", "BREACH-TEST0001",
                "noticeDueAt", "2027-03-02T10:00:00Z", "noticeDueReason", "company promise: 1 business day(s)",
                "authorityDueAt", "2027-03-04T10:00:00Z", "recipients", 10, "sent", 7, "failed", 1, "pending", 2));
        model.put("tasklistUrl", "http://localhost:8080/camunda/app/tasklist/");
        MailTemplates.Rendered alert = templates.render("staff-breach-alert", Locale.ENGLISH, model);

        assertThat(alert.subject()).isEqualTo("Breach BREACH-TEST0001: notices not all sent by 2027-03-02T10:00:00Z");
        assertThat(alert.text()).contains("10 people, 7 sent, 1 failed, 2 pending");
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "BREACH-TEST0001");
        model.put("companyName", "Harmony");
        model.put("description", "Backup <b>exposed</b>");
        model.put("detectedDate", "1 March 2027");
        model.put("occurredDate", null);
        model.put("categories", List.of("contact details", "address"));
        model.put("consequences", "Phishing");
        model.put("measures", "Closed");
        model.put("subjectActions", "Reset");
        model.put("contact", "dpo@harmony.example");
        return model;
    }
}
