package org.harmony.dsar.breach;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.harmony.dsar.request.RequesterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Alerts to the DPO group about a breach: counts and deadlines, no personal data. */
@Service
public class DpoAlerts {

    private static final Logger log = LoggerFactory.getLogger(DpoAlerts.class);
    public static final String GROUP = "dpo";
    private static final String TEMPLATE = "staff-breach-alert";

    /** Why the DPO is alerted. */
    public enum Alert { NOTICES_LATE, AUTHORITY_NOTICE_OVERDUE }

    /** A member of the DPO group; {@code email} may be missing. */
    public record Member(String userId, String email) {
    }

    private final BreachRepository breaches;
    private final BreachNoticeProgress notices;
    private final MailService mail;
    private final SentAlerts sent;
    private final RequesterProperties links;

    DpoAlerts(BreachRepository breaches, BreachNoticeProgress notices, MailService mail, SentAlerts sent,
            RequesterProperties links) {
        this.breaches = breaches;
        this.notices = notices;
        this.mail = mail;
        this.sent = sent;
        this.links = links;
    }

    /**
     * Mails every member with an address about the breach, once per breach, alert and member.
     *
     * @return how many members were mailed now
     */
    public int alert(String breachId, Alert alert, List<Member> members) {
        Breach breach = breaches.get(breachId);
        BreachNoticeProgress.Progress progress = notices.progress(breachId);
        Map<String, Object> model = model(breach, alert, progress);
        int mailed = 0;
        for (Member member : members) {
            if (member.email() == null || member.email().isBlank() || sent.contains(breachId, alert, member.userId())) {
                continue;
            }
            String key = "breach:" + breach.reference() + ":" + alert + ":" + member.userId();
            mail.sendUnrecorded(new OutgoingMail(key, null, member.email(), TEMPLATE, Locale.ENGLISH, model));
            sent.record(breachId, alert, member.userId());
            mailed++;
        }
        log.warn("Breach {}: {}; {} member(s) of {} alerted ({} of {} notices sent, {} failed)", breach.reference(),
                alert, mailed, GROUP, progress.sent(), progress.recipients(), progress.failed());
        return mailed;
    }

    private Map<String, Object> model(Breach breach, Alert alert, BreachNoticeProgress.Progress progress) {
        Map<String, Object> model = new HashMap<>();
        model.put("alert", alert.name());
        model.put("reference", breach.reference());
        model.put("noticeDueAt", DateTimeFormatter.ISO_INSTANT.format(breach.noticeDueAt()));
        model.put("noticeDueReason", breach.noticeDueReason());
        model.put("authorityDueAt", DateTimeFormatter.ISO_INSTANT.format(breach.authorityDueAt()));
        model.put("recipients", progress.recipients());
        model.put("sent", progress.sent());
        model.put("failed", progress.failed());
        model.put("pending", progress.pending());
        model.put("tasklistUrl", links.publicBaseUrl() + "/camunda/app/tasklist/");
        return model;
    }
}
