-- Instructions mailed to processors without an API (GDPR Art 28(3)(e)) and the confirmation a compliance officer
-- recorded: the evidence the response and the case file show. No subject data beyond the officer's note.
CREATE TABLE processor_instruction (
    id                VARCHAR(36)  PRIMARY KEY,
    request_id        VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    source_name       VARCHAR(64)  NOT NULL,
    processor_name    VARCHAR(200) NOT NULL,
    change_kind       VARCHAR(16)  NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at       TIMESTAMP WITH TIME ZONE,
    outcome           VARCHAR(16),
    confirmed_by      VARCHAR(64),
    confirmation_note VARCHAR(1000),
    recorded_at       TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX processor_instruction_request_source ON processor_instruction (request_id, source_name);
