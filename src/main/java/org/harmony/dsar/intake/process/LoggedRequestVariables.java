package org.harmony.dsar.intake.process;

import java.util.List;

import org.harmony.dsar.kernel.process.ProcessVariable;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.process.DsarVariables;

/**
 * The start form of LogRequestProcess. Its personal fields (name, email, postal address, details) are read once by
 * the first task, stored in the project's tables and removed; they are never kept in history
 * ({@code FormOnlyVariablesPlugin}).
 */
public final class LoggedRequestVariables {

    public static final String PROCESS_KEY = "LogRequestProcess";

    /** LETTER, PHONE or IN_PERSON. */
    public static final ProcessVariable<Channel> CHANNEL = DsarVariables.CHANNEL;
    /** The day the request was received, YYYY-MM-DD. */
    public static final ProcessVariable<String> RECEIVED_ON = ProcessVariable.of("receivedOn", String.class);
    public static final ProcessVariable<String> LATE_ENTRY_REASON = ProcessVariable.of("lateEntryReason", String.class);
    public static final ProcessVariable<String> LANGUAGE = ProcessVariable.of("language", String.class);
    public static final ProcessVariable<String> REQUESTER_NAME = ProcessVariable.of("requesterName", String.class);
    public static final ProcessVariable<String> REQUESTER_EMAIL = ProcessVariable.of("requesterEmail", String.class);
    public static final ProcessVariable<String> POSTAL_ADDRESS = ProcessVariable.of("postalAddress", String.class);
    public static final ProcessVariable<String> REQUEST_DETAILS = ProcessVariable.of("requestDetails", String.class);
    /** Who logged the request (the start form's initiator). */
    public static final ProcessVariable<String> LOGGED_BY = ProcessVariable.of("loggedBy", String.class);

    /** The start variables holding personal data, removed once stored. */
    public static final List<ProcessVariable<String>> PERSONAL = List.of(REQUESTER_NAME,
            REQUESTER_EMAIL, POSTAL_ADDRESS, REQUEST_DETAILS, LATE_ENTRY_REASON);

    private LoggedRequestVariables() {
    }
}
