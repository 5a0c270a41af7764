-- Identity verification (issue 3). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- When the identity was confirmed to the level the request needs (by code, by matching or by a compliance
-- officer). verified_at stays the moment the email address was confirmed.
ALTER TABLE dsar_request ADD COLUMN identity_verified_at TIMESTAMP WITH TIME ZONE;

-- Documents a requester uploads through their link: an agent's signed authorisation, for example.
-- Kept here, never in process variables. Unless configured otherwise the content is erased when verification
-- ends; type, size and SHA-256 stay as evidence of what was checked.
CREATE TABLE verification_document (
    id           VARCHAR(36)  PRIMARY KEY,
    request_id   VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX verification_document_request ON verification_document (request_id, uploaded_at);

-- A declaration under penalty of perjury that the requester is the data subject (CCPA specific pieces).
CREATE TABLE identity_declaration (
    id          VARCHAR(36)  PRIMARY KEY,
    request_id  VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    signed_name VARCHAR(200) NOT NULL,
    statement   VARCHAR(1000) NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_declaration_request ON identity_declaration (request_id);
