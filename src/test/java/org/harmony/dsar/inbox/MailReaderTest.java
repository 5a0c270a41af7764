package org.harmony.dsar.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MailReaderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static MailReader reader(long maxMailBytes, long maxAttachmentBytes) {
        return new MailReader(new InboxProperties(false, Duration.ofMinutes(1), maxMailBytes, maxAttachmentBytes,
                Set.of("application/pdf", "text/plain"), Duration.ofDays(2), Duration.ofDays(1), List.of()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static final String MULTIPART = """
            Message-ID: <abc@mail.example.org>
            In-Reply-To: <a1@harmony.example>
            References: <a0@harmony.example> <a1@harmony.example>
            From: Mary <mary@example.org>
            Subject: =?UTF-8?Q?L=C3=B6schung?=
            Date: Mon, 30 Nov 2026 09:00:00 +0000
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="XX"

            --XX
            Content-Type: text/plain; charset=UTF-8

            Bitte löschen Sie meine Daten.
            --XX
            Content-Type: application/pdf; name="letter.pdf"
            Content-Disposition: attachment; filename="letter.pdf"

            %PDF-1.4 a small letter
            --XX
            Content-Type: application/pdf; name="big.pdf"
            Content-Disposition: attachment; filename="big.pdf"

            %PDF-1.4 a letter that is far longer than the attachment limit of this test
            --XX
            Content-Type: application/pdf; name="tool.exe"
            Content-Disposition: attachment; filename="tool.exe"

            MZ
            --XX
            Content-Type: application/zip; name="data.bin"
            Content-Disposition: attachment; filename="data.bin"

            PK
            --XX--
            """;

    @Nested
    class WithinTheLimits {

        @Test
        void shouldReadHeadersTextAndKeepOnlyAllowedAttachmentsWithinTheSizeLimit() throws Exception {
            IncomingMail mail = reader(100_000, 40).read(parse(MULTIPART));

            assertThat(mail.messageId()).isEqualTo("<abc@mail.example.org>");
            assertThat(mail.sender()).isEqualTo("mary@example.org");
            assertThat(mail.subject()).isEqualTo("Löschung");
            assertThat(mail.text()).isEqualTo("Bitte löschen Sie meine Daten.");
            assertThat(mail.references()).containsExactly("<a1@harmony.example>", "<a0@harmony.example>");
            assertThat(mail.receivedAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
            assertThat(mail.attachments()).extracting(IncomingMail.Attachment::fileName, IncomingMail.Attachment::refused)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("letter.pdf", null),
                            org.assertj.core.groups.Tuple.tuple("big.pdf", "kept out: larger than 40 bytes"),
                            org.assertj.core.groups.Tuple.tuple("tool.exe", "kept out: files of this kind can carry code"),
                            org.assertj.core.groups.Tuple.tuple("data.bin", "kept out: type not accepted"));
            assertThat(mail.attachments().get(0).content()).isNotNull();
            assertThat(mail.attachments().subList(1, 4)).allSatisfy(a -> assertThat(a.content()).isNull());
        }
    }

    @Nested
    class BeyondTheLimits {

        @Test
        void shouldNotDownloadAMailOverTheSizeLimitAndSaySo() throws Exception {
            IncomingMail mail = reader(100, 1000).read(parse(MULTIPART));

            assertThat(mail.text()).isNull();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.sender()).isEqualTo("mary@example.org");
            assertThat(mail.note()).contains("more than the limit of 100").contains("Open it in the mailbox");
        }

        @Test
        void shouldKeepWhatCanBeReadOfAMalformedMailWithANote() throws Exception {
            IncomingMail mail = reader(100_000, 1000).read(parse("""
                    From: someone@example.org
                    Subject: broken
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed

                    no boundary at all
                    """));

            assertThat(mail.sender()).isEqualTo("someone@example.org");
            assertThat(mail.note()).contains("could not be read completely");
            assertThat(mail.messageId()).as("known by a hash when it has no Message-ID").endsWith("@no-message-id>");
            assertThat(reader(100_000, 1000).read(parse("""
                    From: someone@example.org
                    Subject: broken
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed

                    no boundary at all
                    """)).messageId()).as("the same mail, the same id").isEqualTo(mail.messageId());
        }
    }
}
