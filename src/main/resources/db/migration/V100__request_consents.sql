-- The consents a withdrawal names (catalogue consent names: no personal data), who named them, and what withdrawing
-- each changed. Kept with the request as evidence of the withdrawal; purged with it (RecordsPurge).
CREATE TABLE request_consent (
    request_id   VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    consent_name VARCHAR(100) NOT NULL,
    named_by     VARCHAR(16)  NOT NULL,
    records      INTEGER,
    withdrawn_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (request_id, consent_name)
);
