-- Repeated submissions (issue 13). Portable SQL: H2 and PostgreSQL.

-- The answer given to a submission identical to an open, unverified request: a fresh reference, never the open
-- request's, so that whoever knows someone's email address cannot learn their request's reference by sending the
-- same form. The row lets the privacy center's "received" page show that answer; it goes with the request.
CREATE TABLE repeated_submission (
    reference    VARCHAR(32) PRIMARY KEY,
    request_id   VARCHAR(36) NOT NULL REFERENCES dsar_request (id),
    due_at       TIMESTAMP WITH TIME ZONE,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX repeated_submission_request ON repeated_submission (request_id);

-- Identical mails (same sender, subject and text, keyed hash): copies of one within a day are attached to it.
ALTER TABLE incoming_mail ADD COLUMN content_hash VARCHAR(64);
ALTER TABLE incoming_mail ADD COLUMN repeat_of VARCHAR(36);
CREATE INDEX incoming_mail_content_hash ON incoming_mail (content_hash);
