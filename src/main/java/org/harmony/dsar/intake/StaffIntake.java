package org.harmony.dsar.intake;

import static org.harmony.dsar.kernel.process.SubmittedValues.blank;
import static org.harmony.dsar.kernel.process.SubmittedValues.isMailAddress;
import static org.harmony.dsar.kernel.process.SubmittedValues.isSingleLine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests that staff log from a letter, a call or a visit: the checks of the start form and the registration, with
 * the legal clock started on the day the request was received.
 */
@Service
public class StaffIntake {

    private final IntakeService intake;
    private final RequestRepository requests;
    private final Clock clock;
    private final int lateEntryDays;

    StaffIntake(IntakeService intake, RequestRepository requests, Clock clock,
            @Value("${dsar.intake.late-entry-days:3}") int lateEntryDays) {
        this.intake = intake;
        this.requests = requests;
        this.clock = clock;
        this.lateEntryDays = lateEntryDays;
    }

    /** Why the request cannot be logged as it is, every reason in one sentence each; empty when it can. */
    public Optional<String> refusal(LoggedRequest logged) {
        List<String> problems = new ArrayList<>();
        if (logged.channel() == null || logged.channel() == Channel.API || logged.channel() == Channel.EMAIL) {
            problems.add("Choose how the request arrived: letter, phone or in person.");
        }
        if (logged.type() == null || logged.jurisdiction() == null) {
            problems.add("Set the request type and the jurisdiction.");
        } else if (!logged.type().offeredUnder(logged.jurisdiction())) {
            problems.add("The limit on sensitive personal information is a right under Californian law only: "
                    + "choose US-CA or another type.");
        }
        if (logged.receivedOn() == null) {
            problems.add("Set the date the request was received (YYYY-MM-DD).");
        } else if (logged.jurisdiction() != null) {
            LocalDate today = LocalDate.now(clock.withZone(logged.jurisdiction().zone()));
            if (logged.receivedOn().isAfter(today)) {
                problems.add("The date received cannot be in the future.");
            } else if (ChronoUnit.DAYS.between(logged.receivedOn(), today) > lateEntryDays
                    && blank(logged.lateEntryReason())) {
                problems.add("The request was received more than " + lateEntryDays
                        + " days ago: say why it is logged only now.");
            }
        }
        if (blank(logged.fullName()) || !isSingleLine(logged.fullName(), 200)) {
            problems.add("Give the requester's name (at most 200 characters, one line).");
        }
        if (!blank(logged.email()) && !isMailAddress(logged.email())) {
            problems.add("The requester's email address is not valid.");
        }
        if (blank(logged.email()) && blank(logged.postalAddress())) {
            problems.add("Give an email address or a postal address: the requester must get our answer.");
        }
        if (tooLong(logged.postalAddress(), 1000) || tooLong(logged.details(), 4000)
                || tooLong(logged.lateEntryReason(), 1000)) {
            problems.add("Postal address and reason have at most 1,000 characters, details at most 4,000.");
        }
        if (logged.language() != null && !logged.language().matches("[a-z]{2}(-[A-Z]{2})?")) {
            problems.add("The language must be a language tag such as en or de.");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    }

    /** Registers the request, received at the start of the day it arrived in the jurisdiction's time zone. */
    @Transactional
    public DsarRequest register(LoggedRequest logged) {
        refusal(logged).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        DsarRequest request = intake.register(new ReceivedRequest(logged.type(), logged.jurisdiction(),
                blank(logged.email()) ? null : logged.email(), logged.fullName(), logged.details(),
                Locale.forLanguageTag(logged.language() == null ? "en" : logged.language()), logged.channel(),
                logged.receivedOn().atStartOfDay(logged.jurisdiction().zone()).toInstant()));
        requests.recordLoggedDetails(request.id(), blank(logged.postalAddress()) ? null : logged.postalAddress().strip(),
                blank(logged.lateEntryReason()) ? null : logged.lateEntryReason().strip());
        return request;
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }
}
