package org.harmony.dsar.mail;

import java.util.Locale;
import java.util.Map;

/**
 * A mail to render from a template and send once.
 *
 * @param idempotencyKey the same key is never sent twice (a retried job, a crash and restart)
 * @param requestId      the request the mail belongs to, for the audit trail; null for a staff mail about none
 * @param template       the template's name under {@code mail/}, without extension
 * @param model          the values the template shows; requester input is escaped when rendered
 */
public record OutgoingMail(
        String idempotencyKey,
        String requestId,
        String to,
        String template,
        Locale locale,
        Map<String, Object> model) {
}
