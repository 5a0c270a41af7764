-- Intake channels (issue 13). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- How a request reached the company: API (the public requester API), EMAIL (the privacy mailbox), LETTER, PHONE,
-- IN_PERSON (logged by staff).
ALTER TABLE dsar_request ADD COLUMN channel VARCHAR(16) DEFAULT 'API' NOT NULL;

-- The Message-ID each mail to a requester carried, so that a reply (In-Reply-To, References) finds its request.
ALTER TABLE sent_mail ADD COLUMN message_id VARCHAR(255);
CREATE INDEX sent_mail_message_id ON sent_mail (message_id);

-- Every mail read from a privacy mailbox, once: the unique Message-ID is committed before the mail is flagged on
-- the server, so two nodes polling one mailbox never take the same mail twice. Sender, subject and text are
-- personal data, as are the requester's details the officer typed in triage: they are erased (set to NULL) when the
-- mail's request ends, or when triage found it was no request.
CREATE TABLE incoming_mail (
    id                  VARCHAR(36)  PRIMARY KEY,
    mailbox             VARCHAR(64)  NOT NULL,
    message_id          VARCHAR(500) NOT NULL UNIQUE,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sender              VARCHAR(320),
    subject             VARCHAR(1000),
    body_text           TEXT,
    size_bytes          BIGINT       NOT NULL,
    note                VARCHAR(1000),
    status              VARCHAR(32)  NOT NULL,
    request_id          VARCHAR(36)  REFERENCES dsar_request (id),
    process_instance_id VARCHAR(64),
    triage_reason       VARCHAR(1000),
    triage_type         VARCHAR(32),
    triage_jurisdiction VARCHAR(8),
    triage_language     VARCHAR(8),
    requester_email     VARCHAR(320),
    requester_name      VARCHAR(200),
    erased_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX incoming_mail_request ON incoming_mail (request_id);

-- Attachments of incoming mail. Content only for those within the size and type limits; the others are listed
-- with the reason they were kept out.
CREATE TABLE incoming_mail_attachment (
    id           VARCHAR(36)  PRIMARY KEY,
    mail_id      VARCHAR(36)  NOT NULL REFERENCES incoming_mail (id),
    file_name    VARCHAR(255),
    content_type VARCHAR(255) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    content      BYTEA,
    refused      VARCHAR(255)
);
CREATE INDEX incoming_mail_attachment_mail ON incoming_mail_attachment (mail_id);
