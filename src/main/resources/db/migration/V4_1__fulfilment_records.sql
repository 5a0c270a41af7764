-- Lookups keep their records in files (streamed, any size); the table keeps counts, timing and where the file is.
ALTER TABLE lookup_result ALTER COLUMN records_json DROP NOT NULL;
ALTER TABLE lookup_result ADD COLUMN records_file VARCHAR(500);
ALTER TABLE lookup_result ADD COLUMN source_title VARCHAR(200);

-- Packages are files on disk too; the row keeps the checksum and the download window.
ALTER TABLE access_package ALTER COLUMN content DROP NOT NULL;
ALTER TABLE access_package ADD COLUMN file_path VARCHAR(500);
ALTER TABLE access_package ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

-- What an erasure did per source and table: rows erased, rows kept and why. Entries are only added.
CREATE TABLE erasure_evidence (
    id           VARCHAR(36)  PRIMARY KEY,
    request_id   VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    source_name  VARCHAR(64)  NOT NULL,
    table_name   VARCHAR(128) NOT NULL,
    action       VARCHAR(16)  NOT NULL,
    rows_erased  INTEGER      NOT NULL,
    rows_kept    INTEGER      NOT NULL,
    kept_reason  VARCHAR(64),
    fields       VARCHAR(1000),
    executed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX erasure_evidence_request ON erasure_evidence (request_id, source_name);

-- Subjects who restricted, objected, withdrew consent or opted out, with the scope and the date.
-- The subject is kept as a SHA-256 of the normalised email address, enough to match future records.
CREATE TABLE suppression_entry (
    id           VARCHAR(36)  PRIMARY KEY,
    request_id   VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    subject_hash VARCHAR(64)  NOT NULL,
    scope        VARCHAR(32)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sources      VARCHAR(1000)
);
CREATE UNIQUE INDEX suppression_entry_request_scope ON suppression_entry (request_id, scope);
CREATE INDEX suppression_entry_subject ON suppression_entry (subject_hash);

-- Corrections a requester asked for, next to the value the source held, and whether they were applied.
CREATE TABLE rectification_item (
    id              VARCHAR(36)   PRIMARY KEY,
    request_id      VARCHAR(36)   NOT NULL REFERENCES dsar_request (id),
    source_name     VARCHAR(64)   NOT NULL,
    field_name      VARCHAR(64)   NOT NULL,
    current_value   VARCHAR(4000),
    requested_value VARCHAR(4000) NOT NULL,
    applied_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rectification_item_request ON rectification_item (request_id);

-- What fulfilment changed, in words for the requester's response mail (no other personal data).
CREATE TABLE fulfilment_outcome (
    request_id  VARCHAR(36)   PRIMARY KEY REFERENCES dsar_request (id),
    summary     VARCHAR(4000) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
