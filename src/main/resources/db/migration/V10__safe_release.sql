-- Safe release (issue 12). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- The identifiers that find and change a subject's records, fixed when the identity is verified: the email
-- proved by code or link, and another identifier only when the system of record ties it to that email or a
-- compliance officer confirmed it. Data points a requester types never widen a lookup on their own.
-- The value is personal data and is erased (set to NULL) when the request ends; name and basis stay as evidence.
CREATE TABLE verified_identifier (
    id               VARCHAR(36)  PRIMARY KEY,
    request_id       VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    name             VARCHAR(64)  NOT NULL,
    identifier_value VARCHAR(320),
    basis            VARCHAR(32)  NOT NULL,
    basis_detail     VARCHAR(300),
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX verified_identifier_request ON verified_identifier (request_id);

-- A package is released with the approved response mail; its download period starts then, not when it was built.
ALTER TABLE access_package ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE access_package ALTER COLUMN expires_at DROP NOT NULL;
UPDATE access_package SET released_at = created_at
    WHERE request_id IN (SELECT id FROM dsar_request WHERE stage = 'COMPLETED');

-- When the request ended (completed, denied, closed): what the cleanup on every node keys on.
ALTER TABLE dsar_request ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
