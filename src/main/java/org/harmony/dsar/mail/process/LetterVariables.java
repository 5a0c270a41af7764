package org.harmony.dsar.mail.process;

import java.util.Date;

import org.harmony.dsar.kernel.process.ProcessVariable;

/** The variables of PostLetterProcess, beside requestId and requestReference: references only, never the letter. */
public final class LetterVariables {

    public static final String PROCESS_KEY = "PostLetterProcess";

    public static final ProcessVariable<String> LETTER_ID = ProcessVariable.of("letterId", String.class);
    /** The mail template the letter was printed from (acknowledgement, verification-code, ...). */
    public static final ProcessVariable<String> LETTER_TEMPLATE = ProcessVariable.of("letterTemplate", String.class);
    /** Where a compliance officer downloads the PDF. */
    public static final ProcessVariable<String> LETTER_LINK = ProcessVariable.of("letterLink", String.class);
    public static final ProcessVariable<Date> LETTER_DUE = ProcessVariable.of("letterDue", Date.class);
    /** The officer confirmed in "Post this letter" that the letter was posted (POSTED); kept in history. */
    public static final ProcessVariable<String> LETTER_POSTED = ProcessVariable.of("letterPosted", String.class);

    private LetterVariables() {
    }
}
