package org.harmony.dsar.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.harmony.dsar.kernel.process.GroupMembers;
import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequesterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warns the people who work a request that its deadline is near, and the DPO that it has passed. Staff mails name
 * the request by reference, type, jurisdiction, stage and due date only, never the requester's personal data.
 */
@Service
public class DeadlineAlerts {

    private static final Logger log = LoggerFactory.getLogger(DeadlineAlerts.class);

    private final RequestRepository requests;
    private final RequestEvents events;
    private final MailService mail;
    private final GroupMembers members;
    private final DeadlineService deadlines;
    private final RequesterProperties links;
    private final Clock clock;

    DeadlineAlerts(RequestRepository requests, RequestEvents events, MailService mail, GroupMembers members,
            DeadlineService deadlines, RequesterProperties links, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.mail = mail;
        this.members = members;
        this.deadlines = deadlines;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Mails every member of the group that the request is due soon, once per step and due date.
     *
     * @param step identifies this reminder (process instance and activity); with the due date it keys the mails
     * @return how many members were mailed
     */
    @Transactional
    public int remind(String requestId, String groupId, String step) {
        DsarRequest request = requests.get(requestId);
        int sent = mailGroup(request, groupId, "staff-deadline-reminder", step);
        events.record(requestId, "DEADLINE_REMINDER", "group=" + groupId + " businessDaysLeft="
                + deadlines.businessDaysLeft(request) + " recipients=" + sent);
        return sent;
    }

    /** Records that the request passed its due date without a response, and notifies the group (the DPO). */
    @Transactional
    public void recordBreach(String requestId, String groupId, String step) {
        DsarRequest request = requests.get(requestId);
        Instant now = clock.instant();
        events.record(requestId, "DEADLINE_BREACHED", "dueAt=" + request.dueAt() + " stage=" + request.stage()
                + " detectedAt=" + now);
        int sent = mailGroup(request, groupId, "staff-deadline-breached", step);
        log.warn("Request {} passed its due date {} in stage {}; {} member(s) of {} notified", request.reference(),
                request.dueAt(), request.stage(), sent, groupId);
    }

    private int mailGroup(DsarRequest request, String groupId, String template, String step) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.reference());
        model.put("requestType", request.type().name());
        model.put("jurisdiction", request.jurisdiction().code());
        model.put("law", request.jurisdiction().law());
        model.put("stage", request.stage().name());
        model.put("dueDate", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH)
                .format(request.dueAt().atZone(request.jurisdiction().zone())));
        model.put("businessDaysLeft", deadlines.businessDaysLeft(request));
        model.put("tasklistUrl", links.publicBaseUrl() + "/camunda/app/tasklist/");
        int sent = 0;
        for (GroupMembers.Member member : members.withEmail(groupId)) {
            String key = step + ":" + request.dueAt().getEpochSecond() + ":" + member.id();
            mail.send(new OutgoingMail(key, request.id(), member.email(), template, Locale.ENGLISH, model));
            sent++;
        }
        if (sent == 0) {
            log.warn("Request {}: group {} has no member with an email address; the reminder is visible in "
                    + "Tasklist's due-date filters only", request.reference(), groupId);
        }
        return sent;
    }
}
