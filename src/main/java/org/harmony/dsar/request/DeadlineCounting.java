package org.harmony.dsar.request;

/** How the ResponseDeadline decision table's period is counted from the day the clock starts. */
public enum DeadlineCounting {
    /** Calendar months and days; the deadline may end on any day. */
    CALENDAR,
    /** Calendar months and days; a deadline ending on a weekend, holiday or closure day moves to the next working day. */
    CALENDAR_TO_WORKING_DAY,
    /** The period's days are working days of the jurisdiction (P10D = ten business days); months are not allowed. */
    BUSINESS_DAYS
}
