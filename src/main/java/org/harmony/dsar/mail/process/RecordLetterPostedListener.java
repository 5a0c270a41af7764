package org.harmony.dsar.mail.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.kernel.process.TaskActors;
import org.harmony.dsar.mail.PostalLetters;
import org.springframework.stereotype.Component;

/** On completion of "Post this letter": records when and by whom the letter was posted. */
@Component
class RecordLetterPostedListener implements TaskListener {

    private final PostalLetters letters;

    RecordLetterPostedListener(PostalLetters letters) {
        this.letters = letters;
    }

    @Override
    public void notify(DelegateTask task) {
        letters.markPosted(LetterVariables.LETTER_ID.from(task), TaskActors.completedBy(task));
    }
}
