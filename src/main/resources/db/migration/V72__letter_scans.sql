-- Scanned letters (issue 13). Portable SQL: H2 and PostgreSQL.

-- The scan of a letter a compliance officer logged (PDF, PNG or JPEG, checked by its first bytes). Personal data:
-- the rows are deleted when the request ends.
CREATE TABLE letter_scan (
    id           VARCHAR(36)  PRIMARY KEY,
    request_id   VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    file_name    VARCHAR(255),
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX letter_scan_request ON letter_scan (request_id);
