-- Deadline extensions: at most one per request where the law allows it (the DeadlineExtension table decides).
-- The reason is a code plus the officer's explanation, which the requester receives; no personal data.
CREATE TABLE deadline_extension (
    id              VARCHAR(36)   PRIMARY KEY,
    request_id      VARCHAR(36)   NOT NULL REFERENCES dsar_request (id),
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by    VARCHAR(64),
    reason_code     VARCHAR(32)   NOT NULL,
    explanation     VARCHAR(1000),
    extension_period VARCHAR(16)  NOT NULL,
    previous_due_at TIMESTAMP WITH TIME ZONE NOT NULL,
    new_due_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX deadline_extension_request ON deadline_extension (request_id, requested_at);
