package org.harmony.dsar.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.harmony.dsar.mail.process.LetterProcesses;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Letters for requesters without an email address: the text of the same mail template, printed as a PDF with the
 * postal address, and a "Post this letter" task for a compliance officer (PostLetterProcess). One letter per mail
 * idempotency key, so a retried job prepares it once.
 */
@Service
public class PostalLetters {

    private static final Logger log = LoggerFactory.getLogger(PostalLetters.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final Duration POSTING_PERIOD = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final LetterProcesses letters;
    private final MailProperties properties;
    private final Clock clock;

    PostalLetters(JdbcClient jdbc, RequestRepository requests, RequestEvents events, LetterProcesses letters,
            MailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.letters = letters;
        this.properties = properties;
        this.clock = clock;
    }

    /** Prepares the letter for a mail to a requester without an email address; false when it was prepared before. */
    @Transactional
    boolean prepare(OutgoingMail mail, MailTemplates.Rendered rendered) {
        if (jdbc.sql("SELECT COUNT(*) FROM postal_letter WHERE idempotency_key = :key")
                .param("key", mail.idempotencyKey()).query(Integer.class).single() > 0) {
            return false;
        }
        DsarRequest request = requests.get(mail.requestId());
        String address = requests.postalAddressOf(request.id()).orElseThrow(() -> new IllegalStateException(
                "Request " + request.reference() + " has neither an email nor a postal address"));
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO postal_letter (id, idempotency_key, request_id, template, created_at, pdf)
                VALUES (:id, :key, :requestId, :template, :at, :pdf)
                """)
                .param("id", id)
                .param("key", mail.idempotencyKey())
                .param("requestId", request.id())
                .param("template", mail.template())
                .param("at", Timestamp.from(clock.instant()))
                .param("pdf", pdf(request, address, rendered))
                .update();
        events.record(request.id(), "LETTER_PREPARED", mail.template());
        letters.start(request, id, mail.template(), Date.from(clock.instant().plus(POSTING_PERIOD)));
        log.info("Letter {} for request {} prepared for posting", mail.template(), request.reference());
        return true;
    }

    public Optional<byte[]> pdf(String letterId) {
        return jdbc.sql("SELECT pdf FROM postal_letter WHERE id = :id AND pdf IS NOT NULL").param("id", letterId)
                .query((rs, row) -> rs.getBytes("pdf")).optional();
    }

    @Transactional
    public void markPosted(String letterId, String postedBy) {
        jdbc.sql("UPDATE postal_letter SET posted_at = :at, posted_by = :by WHERE id = :id AND posted_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("by", postedBy).param("id", letterId).update();
        String requestId = jdbc.sql("SELECT request_id FROM postal_letter WHERE id = :id").param("id", letterId)
                .query(String.class).single();
        events.record(requestId, "LETTER_POSTED", "by " + postedBy);
    }

    /** Erases the PDFs of a request's letters; what was sent and when stays. */
    public int eraseForRequest(String requestId) {
        return jdbc.sql("""
                UPDATE postal_letter SET pdf = NULL, erased_at = :now WHERE request_id = :requestId AND pdf IS NOT NULL
                """).param("now", Timestamp.from(clock.instant())).param("requestId", requestId).update();
    }

    private byte[] pdf(DsarRequest request, String address, MailTemplates.Rendered rendered) {
        String today = DATE.withLocale(request.language())
                .format(clock.instant().atZone(request.jurisdiction().zone()));
        String xhtml = """
                <html><head><style>
                @page { size: A4; margin: 25mm 20mm; }
                body { font-family: sans-serif; font-size: 11pt; }
                .sender { font-size: 9pt; margin-bottom: 10mm; }
                .address { white-space: pre-line; height: 35mm; }
                .date { text-align: right; margin-bottom: 8mm; }
                .text { white-space: pre-wrap; }
                </style></head><body>
                <div class="sender">%s</div>
                <div class="address">%s
                %s</div>
                <div class="date">%s</div>
                <h3>%s</h3>
                <div class="text">%s</div>
                </body></html>
                """.formatted(xml(properties.from()), xml(request.fullName()), xml(address), xml(today),
                xml(rendered.subject()), xml(rendered.text()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The letter for " + request.reference() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static String xml(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", ""), "UTF-8");
    }
}
