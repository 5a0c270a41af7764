package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.breach.DpoAlerts;
import org.harmony.dsar.kernel.Sha256;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.harmony.dsar.mail.MailProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The DPO's breach alert over the real SMTP server: one mail per member with an address, with a Message-ID derived
 * from breach, alert and member; when SMTP fails mid-way the alert fails (its job retries), and the retry mails only
 * the members not mailed yet.
 */
class DpoAlertJourneyTest extends JourneyTestSupport {

    @Autowired
    private DpoAlerts alerts;
    @Autowired
    private JavaMailSenderImpl mailSender;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private MailProperties mail;

    private SmtpOutageProxy proxy;

    @AfterEach
    void restoreSmtp() throws IOException {
        mailSender.setPort(TestInfrastructure.smtpPort());
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void shouldAlertEachDpoMemberOnceThroughAnSmtpOutage() {
        String reference = recordBreach();
        String breachId = jdbc.sql("SELECT id FROM breach WHERE reference = :r").param("r", reference)
                .query(String.class).single();
        String first = uniqueEmail("dpo.first");
        String second = uniqueEmail("dpo.second");
        List<DpoAlerts.Member> members = List.of(new DpoAlerts.Member("dpoFirst", first),
                new DpoAlerts.Member("dpoNoAddress", null), new DpoAlerts.Member("dpoSecond", second));

        proxy = new SmtpOutageProxy(TestInfrastructure.smtpPort(), 1);
        mailSender.setPort(proxy.port());
        assertThatThrownBy(() -> alerts.alert(breachId, DpoAlerts.Alert.NOTICES_LATE, members))
                .isInstanceOf(MailException.class);
        proxy.restore();

        assertThat(alerts.alert(breachId, DpoAlerts.Alert.NOTICES_LATE, members)).as("the retry").isEqualTo(1);
        assertThat(alerts.alert(breachId, DpoAlerts.Alert.NOTICES_LATE, members)).as("once more").isZero();

        ReceivedMail toFirst = awaitMail(first, reference);
        awaitMail(second, reference);
        assertThat(mailsTo(first)).hasSize(1);
        assertThat(mailsTo(second)).hasSize(1);
        assertThat(toFirst.text()).contains("The notices of breach " + reference, "Tasklist:");
        String domain = mail.from().substring(mail.from().indexOf('@') + 1);
        assertThat(toFirst.messageId()).isEqualTo("<" + Sha256.hex("breach:" + reference + ":NOTICES_LATE:dpoFirst")
                .substring(0, 40) + "@" + domain + ">");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM breach_alert WHERE breach_id = :b").param("b", breachId)
                .query(Long.class).single()).isEqualTo(2);
    }

    private String recordBreach() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("dpo", "dpo");
        String body = """
                {"description": "A laptop with an export of the newsletter list was stolen.",
                 "detectedAt": "%s", "sources": ["newsletter"],
                 "consequences": "Someone may send you phishing mails that look like our newsletter.",
                 "measures": "We wiped the laptop remotely and changed the credentials of the mailing system.",
                 "subjectActions": "Be wary of mails asking you to log in or pay.",
                 "contact": "dpo@harmony.example", "jurisdictions": ["EU"]}
                """.formatted(Instant.now().minus(1, ChronoUnit.HOURS));
        ResponseEntity<Map> created = http.exchange("/api/breaches", HttpMethod.POST, new HttpEntity<>(body, headers),
                Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("reference");
    }
}
