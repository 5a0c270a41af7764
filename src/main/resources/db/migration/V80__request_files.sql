-- Files of a request that every node reads (lookup records, access packages): written in chunks, so that neither
-- writing nor reading a large package holds it in memory (docs/operations.md, "Storage"). Portable SQL: H2 and
-- PostgreSQL. A file is readable once written_at is set; a rewrite replaces the older rows of the same name.
CREATE TABLE request_file (
    id          VARCHAR(36)  PRIMARY KEY,
    request_id  VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    name        VARCHAR(200) NOT NULL,
    size_bytes  BIGINT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX request_file_name ON request_file (request_id, name);

CREATE TABLE request_file_chunk (
    file_id VARCHAR(36) NOT NULL REFERENCES request_file (id) ON DELETE CASCADE,
    seq     INT         NOT NULL,
    data    BYTEA       NOT NULL,
    PRIMARY KEY (file_id, seq)
);
