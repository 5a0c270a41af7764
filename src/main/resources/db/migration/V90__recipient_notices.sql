-- The requester asked to be told who received their data (GDPR Art 19, last sentence).
ALTER TABLE dsar_request ADD COLUMN recipients_requested BOOLEAN DEFAULT FALSE NOT NULL;

-- Recipients of a source told of an erasure, correction or restriction (GDPR Art 19), or not told because the
-- catalogue gives no address: the names the response gives when the requester asked. No subject data.
CREATE TABLE recipient_notice (
    id             VARCHAR(36)  PRIMARY KEY,
    request_id     VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    source_name    VARCHAR(64)  NOT NULL,
    recipient_name VARCHAR(200) NOT NULL,
    change_kind    VARCHAR(16)  NOT NULL,
    told           BOOLEAN      NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX recipient_notice_request_recipient ON recipient_notice (request_id, source_name, recipient_name);
