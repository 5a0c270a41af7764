package org.harmony.dsar.deadline.process;

import org.harmony.dsar.kernel.process.ProcessVariable;

/**
 * The variables of DeadlineExtensionProcess beyond the request's own (requestId, requestReference, jurisdiction,
 * requestType, dueAt in {@link org.harmony.dsar.request.process.DsarVariables}). The reason is a code and the
 * officer's explanation, which the requester receives: no personal data.
 */
public final class DeadlineExtensionVariables {

    public static final String PROCESS_KEY = "DeadlineExtensionProcess";

    public static final ProcessVariable<String> EXTENSION_REASON = ProcessVariable.of("extensionReason", String.class);
    public static final ProcessVariable<String> EXTENSION_EXPLANATION =
            ProcessVariable.of("extensionExplanation", String.class);
    /** The compliance officer who asked (the start event's initiator). */
    public static final ProcessVariable<String> EXTENSION_REQUESTED_BY =
            ProcessVariable.of("extensionRequestedBy", String.class);
    public static final ProcessVariable<Integer> EXTENSIONS_GRANTED =
            ProcessVariable.of("extensionsGranted", Integer.class);
    public static final ProcessVariable<Boolean> BEFORE_ORIGINAL_DEADLINE =
            ProcessVariable.of("beforeOriginalDeadline", Boolean.class);
    public static final ProcessVariable<Boolean> EXTENSION_ALLOWED =
            ProcessVariable.of("extensionAllowed", Boolean.class);
    public static final ProcessVariable<String> EXTENSION_PERIOD = ProcessVariable.of("extensionPeriod", String.class);
    /** Why the table refused, as a code (ALREADY_EXTENDED, ORIGINAL_DEADLINE_PASSED, NO_EXTENSION_IN_LAW). */
    public static final ProcessVariable<String> EXTENSION_REFUSAL = ProcessVariable.of("extensionRefusal", String.class);
    /** The officer confirmed in "Note: extension refused" that they will answer by the original due date. */
    public static final ProcessVariable<Boolean> REFUSAL_ACKNOWLEDGED =
            ProcessVariable.of("refusalAcknowledged", Boolean.class);
    /**
     * Start form only: the officer's open cases the request field offers (reference, type, jurisdiction, due), filled
     * into the form in the browser from {@code /api/officer/open-cases}; never a process variable.
     */
    public static final ProcessVariable<Object> OPEN_CASES = ProcessVariable.of("openCases", Object.class);

    private DeadlineExtensionVariables() {
    }
}
