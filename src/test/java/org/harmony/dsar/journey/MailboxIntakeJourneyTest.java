package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.harmony.dsar.inbox.InboxHealth;
import org.harmony.dsar.inbox.InboxProperties;
import org.harmony.dsar.inbox.MailboxPoller;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests that arrive at the privacy mailbox: a real IMAP server (GreenMail), the poller, the triage task in Tasklist
 * (through the REST API as {@code officer}), the request that follows, replies, duplicates and an outage.
 */
class MailboxIntakeJourneyTest extends JourneyTestSupport {

    private static final String TRIAGE_TASK = "UserTask_TriageIncomingRequest";

    @Autowired
    private MailboxPoller poller;
    @Autowired
    private InboxHealth health;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ApplicationContext context;

    @Test
    void shouldTurnAMailIntoAVerifiedRequestAfterTriageAndAttachTheReply() throws Exception {
        String requester = uniqueEmail("mail.requester");
        String messageId = newMessageId();
        MimeMessage mail = mail(requester, messageId, "Data access request",
                "Dear privacy team, I would like a copy of my personal data under the GDPR. Regards, Mary Mailer");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Dear privacy team, I would like a copy of my personal data under the GDPR. Regards, Mary Mailer",
                "UTF-8");
        parts.addBodyPart(text);
        parts.addBodyPart(attachment("id-card.pdf", "application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.UTF_8)));
        parts.addBodyPart(attachment("invoice.exe", "application/octet-stream", new byte[] {0x4D, 0x5A, 1, 2}));
        mail.setContent(parts);
        deliver(mail, messageId);

        assertThat(poller.pollAll()).isEqualTo(1);
        assertThat(poller.pollAll()).as("a recorded mail is flagged and not read again").isZero();
        String mailId = mailIdOf(messageId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dsar_request WHERE LOWER(email) = :email").param("email", requester)
                .query(Integer.class).single()).as("nothing is a request before triage").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incoming_mail_attachment WHERE mail_id = :id AND content IS NOT NULL")
                .param("id", mailId).query(Integer.class).single()).as("the PDF only").isEqualTo(1);

        String taskId = triageTaskOf(mailId);
        Map<String, Map<String, Object>> variables = taskVariables(taskId);
        assertThat((String) variables.get("incomingMail").get("value"))
                .contains(requester).contains("Data access request").contains("a copy of my personal data")
                .contains("id-card.pdf, application/pdf, 13 bytes")
                .contains("invoice.exe").contains("kept out: files of this kind can carry code");
        assertThat((String) variables.get("triageSuggestion").get("value"))
                .contains("Suggested from keywords").contains("type ACCESS").contains("language en")
                .contains("jurisdiction EU");
        assertThat(variables.get("requestType").get("value")).isEqualTo("ACCESS");
        assertThat(variables.get("requesterEmail").get("value")).isEqualTo(requester);

        ResponseEntity<String> incomplete = completeAs("officer", taskId, """
                {"triageDecision": {"value": "REQUEST"}, "requestType": {"value": "ACCESS"},
                 "jurisdiction": {"value": "EU"}, "requesterEmail": {"value": "%s"}}""".formatted(requester));
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody()).contains("requester's name");
        ResponseEntity<String> notCalifornian = completeAs("officer", taskId, """
                {"triageDecision": {"value": "REQUEST"}, "requestType": {"value": "LIMIT_SENSITIVE_USE"},
                 "jurisdiction": {"value": "EU"}, "requesterEmail": {"value": "%s"},
                 "requesterName": {"value": "Someone"}}""".formatted(requester));
        assertThat(notCalifornian.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notCalifornian.getBody()).contains("a right under Californian law only");

        ResponseEntity<String> triaged = completeAs("officer", taskId, """
                {"triageDecision": {"value": "REQUEST"}, "requestType": {"value": "ACCESS"},
                 "jurisdiction": {"value": "EU"}, "language": {"value": "en"},
                 "requesterEmail": {"value": "%s"}, "requesterName": {"value": "Mary Mailer"}}"""
                .formatted(requester));
        assertThat(triaged.getStatusCode()).as(triaged.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        Map<String, Object> request = jdbc.sql("""
                SELECT r.reference, r.channel, r.received_at, m.received_at AS mail_received_at FROM dsar_request r
                JOIN incoming_mail m ON m.request_id = r.id WHERE m.id = :id""").param("id", mailId)
                .query().singleRow();
        String reference = (String) request.get("reference");
        assertThat(request.get("channel")).isEqualTo("EMAIL");
        assertThat(request.get("received_at")).as("the legal clock starts when the mail arrived")
                .isEqualTo(request.get("mail_received_at"));
        ReceivedMail acknowledgement = awaitMail(requester, reference + ": we have received your request");
        String code = codeIn(awaitMail(requester, reference + ": confirm your email address"));

        // The requester answers the acknowledgement: the reply is attached to the request, no new triage starts.
        String replyId = newMessageId();
        MimeMessage reply = mail(requester, replyId, "Re: " + acknowledgement.subject(),
                "Thank you. My customer number is C-555.");
        reply.setHeader("In-Reply-To", acknowledgement.messageId());
        deliver(reply, replyId);
        assertThat(poller.pollAll()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM incoming_mail WHERE message_id = :id").param("id", replyId)
                .query(String.class).single()).isEqualTo("REPLY_ATTACHED");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("MailIntakeProcess")
                .variableValueEquals("incomingMailId", mailIdOf(replyId)).count()).isZero();

        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        String reviewTaskId = officerTaskId(reference, "UserTask_ReviewResponse");
        assertThat((String) taskVariables(reviewTaskId).get("requesterMessages").get("value"))
                .as("the reply is shown in the request's next task").contains("My customer number is C-555");

        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableNameIn("requesterEmail", "requesterName", "incomingMail", "requesterMessages").count())
                .as("the mail and the requester's details never reach the history").isZero();
        assertThat(runtime.createVariableInstanceQuery().variableNameIn("requesterEmail", "requesterName")
                .processInstanceIdIn(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                        .singleResult().getId()).count())
                .as("open triage tasks of other mails prefill the sender; the request keeps none").isZero();

        ResponseEntity<String> approved = completeAs("officer2", reviewTaskId,
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}, \"reviewComment\": {\"value\": \"Nothing found.\"}}");
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        List<Map<String, Object>> kept = jdbc.sql("""
                SELECT m.sender, m.body_text, m.erased_at FROM incoming_mail m JOIN dsar_request r ON r.id = m.request_id
                WHERE r.reference = :reference""").param("reference", reference).query().listOfRows();
        assertThat(kept).as("the mail and the reply").hasSize(2)
                .allSatisfy(row -> assertThat(row.get("sender")).isNull())
                .allSatisfy(row -> assertThat(row.get("body_text")).isNull())
                .allSatisfy(row -> assertThat(row.get("erased_at")).isNotNull());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM incoming_mail_attachment a JOIN incoming_mail m ON m.id = a.mail_id
                JOIN dsar_request r ON r.id = m.request_id WHERE r.reference = :reference AND a.content IS NOT NULL""")
                .param("reference", reference).query(Integer.class).single()).isZero();
    }

    @Test
    void shouldAnswerAnOpenRequestForMoreInformationWithTheRequestersReply() throws Exception {
        String requester = uniqueEmail("asked.for.more");
        ResponseEntity<Map> accepted = submit("""
                {"type": "ACCESS", "jurisdiction": "US-CA", "email": "%s", "fullName": "Rita Reply",
                 "dataPoints": {"phone": "+1 415 555 0199"}}""".formatted(requester));
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();
        String code = codeIn(awaitMail(requester, reference + ": confirm your email address"));
        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        String reviewId = officerTaskId(reference, "UserTask_ReviewIdentity");
        assertThat((String) taskVariables(reviewId).get("requesterMessages").get("value")).isEqualTo("none");
        assertThat(completeAs("officer", reviewId, """
                {"identityReviewDecision": {"value": "ASK_FOR_MORE"},
                 "identityReviewNote": {"value": "Please tell us the postcode of your billing address."}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        ReceivedMail askedForMore = awaitMail(requester, reference + ": we need a little more");

        String replyId = newMessageId();
        MimeMessage reply = mail(requester, replyId, "Re: your question", "My billing postcode is 94107.");
        reply.setHeader("In-Reply-To", askedForMore.messageId());
        reply.setHeader("References", askedForMore.messageId());
        deliver(reply, replyId);
        assertThat(poller.pollAll()).isEqualTo(1);
        runDueJobs();

        String nextReviewId = officerTaskId(reference, "UserTask_ReviewIdentity");
        assertThat(nextReviewId).as("the reply answered the open step: a new review").isNotEqualTo(reviewId);
        assertThat((String) taskVariables(nextReviewId).get("requesterMessages").get("value"))
                .contains("My billing postcode is 94107.").contains(requester);
        assertThat(jdbc.sql("""
                SELECT e.event_type FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference ORDER BY e.occurred_at""").param("reference", reference)
                .query(String.class).list()).containsSubsequence("IDENTITY_INFORMATION_REQUESTED", "REPLY_RECEIVED");
    }

    @Test
    void shouldSendAStrangersMailCitingSomeoneElsesRequestToTriageAndRevealNothing() throws Exception {
        String victim = uniqueEmail("victim");
        String reference = (String) submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Vera Victim"}"""
                .formatted(victim)).getBody().get("reference");
        runDueJobs();
        ReceivedMail acknowledgement = awaitMail(victim, reference + ": we have received your request");
        String stranger = uniqueEmail("stranger");

        String byReference = newMessageId();
        deliver(mail(stranger, byReference, "Re: " + reference + ": please send the data to me instead",
                "Send everything to this address."), byReference);
        String byHeader = newMessageId();
        MimeMessage inReplyTo = mail(stranger, byHeader, "Re: your request", "Please add my new address.");
        inReplyTo.setHeader("In-Reply-To", acknowledgement.messageId());
        inReplyTo.setHeader("References", acknowledgement.messageId());
        deliver(inReplyTo, byHeader);
        assertThat(poller.pollAll()).isEqualTo(2);
        runDueJobs();

        for (String messageId : List.of(byReference, byHeader)) {
            Map<String, Object> row = jdbc.sql("SELECT status, request_id FROM incoming_mail WHERE message_id = :id")
                    .param("id", messageId).query().singleRow();
            assertThat(row.get("status")).as("not attached to the victim's request").isEqualTo("AWAITING_TRIAGE");
            assertThat(row.get("request_id")).isNull();
            assertThat(triageInstances(messageId)).isEqualTo(1);
            String shown = (String) taskVariables(triageTaskOf(mailIdOf(messageId))).get("incomingMail").get("value");
            assertThat(shown).as("triage shows the stranger's mail, nothing of the victim's request")
                    .doesNotContain(victim).doesNotContain("Vera Victim");
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference AND e.event_type = 'REPLY_RECEIVED'""").param("reference", reference)
                .query(Integer.class).single()).isZero();
        assertThat(mailsTo(stranger)).as("nothing is mailed to the stranger").isEmpty();
        assertThat(mailsTo(victim)).as("acknowledgement and code only").hasSize(2);

        String fromVictim = newMessageId();
        deliver(mail(victim, fromVictim, "Another request", "Please also delete my data."), fromVictim);
        assertThat(poller.pollAll()).isEqualTo(1);
        assertThat((String) taskVariables(triageTaskOf(mailIdOf(fromVictim))).get("incomingMail").get("value"))
                .as("the officer sees the sender's open requests").contains("Open requests from this address: "
                        + reference + " (ACCESS, ");
        assertThat((String) taskVariables(triageTaskOf(mailIdOf(byHeader))).get("incomingMail").get("value"))
                .contains("Open requests from this address: none");

        ResponseEntity<String> strangerMerge = completeAs("officer", triageTaskOf(mailIdOf(byReference)), """
                {"triageDecision": {"value": "SAME_AS_OPEN_REQUEST"}, "openRequestReference": {"value": "%s"}}"""
                .formatted(reference));
        assertThat(strangerMerge.getStatusCode()).as("a stranger's mail is never merged into the victim's request")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(strangerMerge.getBody()).contains("Name an open request of this sender");
        ResponseEntity<String> merged = completeAs("officer", triageTaskOf(mailIdOf(fromVictim)), """
                {"triageDecision": {"value": "SAME_AS_OPEN_REQUEST"}, "openRequestReference": {"value": "%s"}}"""
                .formatted(reference));
        assertThat(merged.getStatusCode()).as(merged.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        Map<String, Object> kept = jdbc.sql("""
                SELECT m.status, r.reference FROM incoming_mail m JOIN dsar_request r ON r.id = m.request_id
                WHERE m.message_id = :id""").param("id", fromVictim).query().singleRow();
        assertThat(kept).containsEntry("status", "REPLY_ATTACHED").containsEntry("reference", reference);
        assertThat(jdbc.sql("""
                SELECT e.detail FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference AND e.event_type = 'REPEATED_SUBMISSION'""").param("reference", reference)
                .query(String.class).list()).singleElement().asString().contains("mergedInTriage=true");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dsar_request WHERE LOWER(email) = :email").param("email", victim)
                .query(Integer.class).single()).as("merged: no second request").isEqualTo(1);
    }

    @Test
    void shouldEraseAMailTheOfficerMarksAsSpam() throws Exception {
        String messageId = newMessageId();
        deliver(mail(uniqueEmail("spammer"), messageId, "Cheap watches", "Buy now"), messageId);
        assertThat(poller.pollAll()).isEqualTo(1);
        String mailId = mailIdOf(messageId);
        assertThat(completeAs("officer", triageTaskOf(mailId), "{\"triageDecision\": {\"value\": \"SPAM\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        Map<String, Object> row = jdbc.sql("SELECT status, sender, body_text, request_id FROM incoming_mail WHERE id = :id")
                .param("id", mailId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("SPAM");
        assertThat(row.get("sender")).isNull();
        assertThat(row.get("body_text")).isNull();
        assertThat(row.get("request_id")).isNull();
    }

    @Test
    void shouldCloseAMailThatIsNoRightsRequestOnlyWithAReason() throws Exception {
        String messageId = newMessageId();
        deliver(mail(uniqueEmail("customer"), messageId, "Where is my parcel?", "Order 123 has not arrived."),
                messageId);
        assertThat(poller.pollAll()).isEqualTo(1);
        String mailId = mailIdOf(messageId);
        String taskId = triageTaskOf(mailId);
        ResponseEntity<String> noReason = completeAs("officer", taskId,
                "{\"triageDecision\": {\"value\": \"NOT_A_REQUEST\"}}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("why the mail is not a rights request");
        assertThat(completeAs("officer", taskId, """
                {"triageDecision": {"value": "NOT_A_REQUEST"},
                 "triageReason": {"value": "A delivery question, passed to customer service."}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        Map<String, Object> row = jdbc.sql("SELECT status, subject, body_text FROM incoming_mail WHERE id = :id")
                .param("id", mailId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("NOT_A_REQUEST");
        assertThat(row.get("subject")).isNull();
        assertThat(row.get("body_text")).isNull();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .variableValueEquals("incomingMailId", mailId).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_MailClosed");
    }

    @Test
    void shouldMakeOneRequestOfTheSameMailSeenTwice() throws Exception {
        String messageId = newMessageId();
        String sender = uniqueEmail("twice");
        deliver(mail(sender, messageId, "Löschung meiner Daten", "Bitte löschen Sie meine Daten."), messageId);
        deliver(mail(sender, messageId, "Löschung meiner Daten", "Bitte löschen Sie meine Daten."), messageId);

        assertThat(poller.pollAll()).isEqualTo(1);
        assertThat(poller.pollAll()).isZero();
        assertThat(triageInstances(messageId)).isEqualTo(1);
        Map<String, Map<String, Object>> variables = taskVariables(triageTaskOf(mailIdOf(messageId)));
        assertThat(variables.get("requestType").get("value")).isEqualTo("ERASURE");
        assertThat(variables.get("language").get("value")).isEqualTo("de");
    }

    @Test
    void shouldMakeOneRequestPerMailWhenTwoNodesPollTheSameMailbox() throws Exception {
        List<String> messageIds = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String messageId = newMessageId();
            deliver(mail(uniqueEmail("race" + i), messageId, "Access request", "Please send me my data."), messageId);
            messageIds.add(messageId);
        }
        InboxProperties.Mailbox mailbox = mailbox("privacy", TestInfrastructure.imapPort());
        MailboxPoller otherNode = (MailboxPoller) context.getAutowireCapableBeanFactory()
                .autowire(MailboxPoller.class, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
        assertThat(otherNode).isNotSameAs(poller);

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            Callable<Integer> first = () -> {
                start.await();
                return poller.poll(mailbox);
            };
            Callable<Integer> second = () -> {
                start.await();
                return otherNode.poll(mailbox);
            };
            List<Future<Integer>> polls = nodes.invokeAll(List.of(first, second), 120, TimeUnit.SECONDS);
            assertThat(polls.get(0).get() + polls.get(1).get()).as("each mail recorded by one node").isEqualTo(10);
        } finally {
            nodes.shutdownNow();
        }
        for (String messageId : messageIds) {
            assertThat(triageInstances(messageId)).as("one request per mail").isEqualTo(1);
        }
        assertThat(poller.pollAll()).isZero();
        assertThat(otherNode.poll(mailbox)).isZero();
    }

    @Test
    void shouldMakeOneTriageCaseOfAFloodOfIdenticalMails() throws Exception {
        String sender = uniqueEmail("flood");
        List<String> messageIds = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String messageId = newMessageId();
            deliver(mail(sender, messageId, "Access request", i % 2 == 0 ? "Please send me   my data."
                    : "please send me my data.\n"), messageId);
            messageIds.add(messageId);
        }
        assertThat(poller.pollAll()).as("every copy is recorded, so never read again").isEqualTo(50);
        assertThat(poller.pollAll()).isZero();

        String firstId = mailIdOf(messageIds.get(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incoming_mail WHERE sender = :sender AND status = 'REPEAT'"
                + " AND repeat_of = :first").param("sender", sender).param("first", firstId)
                .query(Integer.class).single()).isEqualTo(49);
        assertThat(messageIds.stream().mapToLong(this::triageInstances).sum()).as("one triage case, not 50")
                .isEqualTo(1);
        String taskId = triageTaskOf(firstId);
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TRIAGE_TASK)
                .processVariableValueEquals("incomingMailId", firstId).count()).isEqualTo(1);

        assertThat(completeAs("officer", taskId, """
                {"triageDecision": {"value": "REQUEST"}, "requestType": {"value": "ACCESS"},
                 "jurisdiction": {"value": "EU"}, "language": {"value": "en"},
                 "requesterEmail": {"value": "%s"}, "requesterName": {"value": "Flo Od"}}""".formatted(sender))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        String reference = jdbc.sql("SELECT r.reference FROM dsar_request r JOIN incoming_mail m ON m.request_id = r.id"
                + " WHERE m.id = :id").param("id", firstId).query(String.class).single();
        awaitMail(sender, reference + ": confirm your email address");
        assertThat(mailsTo(sender).stream().filter(mail -> mail.subject().contains("we have received your request")))
                .as("one acknowledgement").hasSize(1);
        assertThat(mailsTo(sender)).as("acknowledgement and code, nothing for the copies").hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incoming_mail m JOIN dsar_request r ON r.id = m.request_id"
                + " WHERE r.reference = :reference AND m.status = 'REPEAT'").param("reference", reference)
                .query(Integer.class).single()).as("the copies go with the request").isEqualTo(49);

        String late = newMessageId();
        deliver(mail(sender, late, "ACCESS REQUEST", "Please send me my data."), late);
        assertThat(poller.pollAll()).isEqualTo(1);
        assertThat(triageInstances(late)).as("a copy after triage starts nothing").isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference AND e.event_type = 'REPEATED_SUBMISSION'""")
                .param("reference", reference).query(Integer.class).single()).isEqualTo(1);
        assertThat(mailsTo(sender)).hasSize(2);
    }

    @Test
    void shouldReportAnUnreachableMailboxAndReadItsMailOnceItIsBack() throws Exception {
        GreenMail flaky = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        flaky.start();
        int port = flaky.getImap().getPort();
        flaky.stop();
        InboxProperties.Mailbox mailbox = mailbox("flaky", port);

        for (int i = 0; i < 3; i++) {
            assertThat(poller.poll(mailbox)).isZero();
        }
        assertThat(poller.states().get("flaky").reachable()).isFalse();
        assertThat(poller.states().get("flaky").consecutiveFailures()).isEqualTo(3);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        back.start();
        try {
            GreenMailUser user = back.setUser(TestInfrastructure.INBOX_USER, TestInfrastructure.INBOX_USER,
                    TestInfrastructure.INBOX_PASSWORD);
            String messageId = newMessageId();
            MimeMessage mail = mail(uniqueEmail("patient"), messageId, "Erasure request", "Please delete my data.");
            mail.saveChanges();
            mail.setHeader("Message-ID", messageId);
            user.deliver(mail);
            assertThat(poller.poll(mailbox)).isEqualTo(1);
            assertThat(poller.states().get("flaky").reachable()).isTrue();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(triageInstances(messageId)).isEqualTo(1);
        } finally {
            back.stop();
        }
    }

    private static InboxProperties.Mailbox mailbox(String name, int port) {
        return new InboxProperties.Mailbox(name, "127.0.0.1", port, "imap", TestInfrastructure.INBOX_USER,
                TestInfrastructure.INBOX_PASSWORD, "INBOX", null);
    }

    private long triageInstances(String messageId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("MailIntakeProcess")
                .variableValueEquals("incomingMailId", mailIdOf(messageId)).count();
    }

    private String mailIdOf(String messageId) {
        return jdbc.sql("SELECT id FROM incoming_mail WHERE message_id = :id").param("id", messageId)
                .query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    private String triageTaskOf(String mailId) {
        String instanceId = jdbc.sql("SELECT process_instance_id FROM incoming_mail WHERE id = :id").param("id", mailId)
                .query(String.class).single();
        ResponseEntity<List> tasks = http.withBasicAuth("officer", "officer").getForEntity(
                "/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + TRIAGE_TASK, List.class);
        assertThat(tasks.getBody()).hasSize(1);
        Map<String, Object> task = (Map<String, Object>) tasks.getBody().get(0);
        assertThat(task).containsKey("due");
        return (String) task.get("id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> taskVariables(String taskId) {
        ResponseEntity<Map> variables = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + taskId + "/variables", Map.class);
        assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.OK);
        return variables.getBody();
    }

    private static String newMessageId() {
        return "<" + UUID.randomUUID() + "@mail.example.org>";
    }

    private static MimeMessage mail(String from, String messageId, String subject, String text) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(TestInfrastructure.INBOX_USER));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        mail.setSentDate(java.util.Date.from(Instant.now()));
        return mail;
    }

    private static MimeBodyPart attachment(String name, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    /** Delivers the mail to the privacy mailbox with exactly this Message-ID. */
    private static void deliver(MimeMessage mail, String messageId) throws Exception {
        mail.saveChanges();
        mail.setHeader("Message-ID", messageId);
        TestInfrastructure.IMAP.getUserManager().getUser(TestInfrastructure.INBOX_USER).deliver(mail);
    }
}
