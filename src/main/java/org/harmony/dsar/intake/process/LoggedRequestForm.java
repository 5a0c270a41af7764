package org.harmony.dsar.intake.process;

import static org.harmony.dsar.kernel.process.SubmittedValues.named;
import static org.harmony.dsar.kernel.process.SubmittedValues.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.harmony.dsar.intake.LoggedRequest;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;
import org.harmony.dsar.request.process.DsarVariables;

/** A start form submission of LogRequestProcess as a {@link LoggedRequest}; values that are not valid become null. */
final class LoggedRequestForm {

    private LoggedRequestForm() {
    }

    static LoggedRequest from(Function<String, Object> values) {
        return new LoggedRequest(
                named(Channel.class, text(values, LoggedRequestVariables.CHANNEL)),
                date(text(values, LoggedRequestVariables.RECEIVED_ON)),
                text(values, LoggedRequestVariables.LATE_ENTRY_REASON),
                named(RequestType.class, text(values, DsarVariables.REQUEST_TYPE)),
                Jurisdiction.fromCode(text(values, DsarVariables.JURISDICTION)).orElse(null),
                text(values, LoggedRequestVariables.LANGUAGE),
                text(values, LoggedRequestVariables.REQUESTER_NAME),
                text(values, LoggedRequestVariables.REQUESTER_EMAIL),
                text(values, LoggedRequestVariables.POSTAL_ADDRESS),
                text(values, LoggedRequestVariables.REQUEST_DETAILS));
    }

    /** Camunda Forms' date fields give YYYY-MM-DD; a date-time value is cut to its date. */
    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
