-- Reasonable fees under GDPR Art 12(5) (issue 13). Portable SQL: H2 and PostgreSQL.

-- A fee the reviewer noted in "Review response" for a manifestly unfounded or excessive request (or further copies,
-- Art 15(3)): the amount with its currency and the reason code; the requester's mail states both. No personal data.
CREATE TABLE request_fee (
    request_id  VARCHAR(36) PRIMARY KEY REFERENCES dsar_request (id),
    amount      VARCHAR(32) NOT NULL,
    reason_code VARCHAR(32) NOT NULL,
    noted_by    VARCHAR(64),
    noted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
