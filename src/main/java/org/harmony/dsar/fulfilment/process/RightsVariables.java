package org.harmony.dsar.fulfilment.process;

import java.util.Date;

import org.camunda.spin.json.SpinJsonNode;
import org.harmony.dsar.fulfilment.LiftDecision;
import org.harmony.dsar.kernel.process.ProcessVariable;
import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RequestObjections;

/**
 * The variables of the rights that need more than a flag: ConsentWithdrawalProcess, ObjectionProcess and
 * RestrictionLiftProcess (with
 * DsarVariables' requestId, requestReference, jurisdiction and dueAt). Consent names are catalogue names; the
 * requester's grounds for an objection stay in the request record, never in a variable.
 */
public final class RightsVariables {

    public static final String CONSENT_WITHDRAWAL_PROCESS_KEY = "ConsentWithdrawalProcess";

    /** How many consents the request names (by the requester with the request, or by an officer). */
    public static final ProcessVariable<Integer> CONSENTS_NAMED = ProcessVariable.of("consentsNamed", Integer.class);
    /** Task-local, while "Choose consents to withdraw" is open: the consents found for the subject, as options. */
    public static final ProcessVariable<SpinJsonNode> CONSENT_CHOICES =
            ProcessVariable.of("consentChoices", SpinJsonNode.class);
    /** The compliance officer's choice in "Choose consents to withdraw": catalogue consent names (checklist). */
    public static final ProcessVariable<Object> CONSENTS_TO_WITHDRAW =
            ProcessVariable.of("consentsToWithdraw", Object.class);

    public static final String OBJECTION_PROCESS_KEY = "ObjectionProcess";

    /** What the objection is to: an ObjectionScope name (DIRECT_MARKETING, OTHER_PROCESSING). */
    public static final ProcessVariable<ObjectionScope> OBJECTS_TO =
            ProcessVariable.ofEnum("objectsTo", ObjectionScope.class);
    /** The decision table ObjectionRoute's answer: SUPPRESS (stop without weighing) or WEIGH. */
    public static final ProcessVariable<String> OBJECTION_ROUTE = ProcessVariable.of("objectionRoute", String.class);
    /** The officer's decision in "Weigh objection": STOP_PROCESSING, CONTINUE_PROCESSING or DIRECT_MARKETING. */
    public static final ProcessVariable<RequestObjections.Decision> OBJECTION_DECISION =
            ProcessVariable.ofEnum("objectionDecision", RequestObjections.Decision.class);
    /** The company's compelling legitimate grounds, when the processing continues; the requester reads them. */
    public static final ProcessVariable<String> COMPELLING_GROUNDS =
            ProcessVariable.of("compellingGrounds", String.class);

    public static final String RESTRICTION_LIFT_PROCESS_KEY = "RestrictionLiftProcess";

    /** The officer's decision in "Lift restriction": LIFT or KEEP. */
    public static final ProcessVariable<LiftDecision> LIFT_DECISION =
            ProcessVariable.ofEnum("liftDecision", LiftDecision.class);
    /** Why the restriction is lifted: a key of mail/grounds.properties (RESTRICTION-...), which the notice explains. */
    public static final ProcessVariable<String> LIFT_REASON = ProcessVariable.of("liftReason", String.class);
    /** The end of the notice period (GDPR Art 18(3)): the restriction is lifted no earlier. */
    public static final ProcessVariable<Date> LIFT_NOT_BEFORE = ProcessVariable.of("liftNotBefore", Date.class);

    private RightsVariables() {
    }
}
