-- The project's own tables. Personal data lives here, never in process variables.
-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL.

CREATE TABLE dsar_request (
    id                  VARCHAR(36)  PRIMARY KEY,
    reference           VARCHAR(32)  NOT NULL UNIQUE,
    request_type        VARCHAR(32)  NOT NULL,
    jurisdiction        VARCHAR(8)   NOT NULL,
    email               VARCHAR(320) NOT NULL,
    full_name           VARCHAR(200) NOT NULL,
    details             VARCHAR(4000),
    data_points         VARCHAR(4000),
    agent_name          VARCHAR(200),
    agent_email         VARCHAR(320),
    agent_relationship  VARCHAR(100),
    language            VARCHAR(8)   NOT NULL,
    stage               VARCHAR(32)  NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE,
    verified_at         TIMESTAMP WITH TIME ZONE,
    completed_at        TIMESTAMP WITH TIME ZONE,
    process_instance_id VARCHAR(64)
);

-- What happened to a request, for audit. Entries are only ever added.
CREATE TABLE request_event (
    id          VARCHAR(36)  PRIMARY KEY,
    request_id  VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    detail      VARCHAR(2000)
);
CREATE INDEX request_event_request ON request_event (request_id, occurred_at);

-- One-time codes proving possession of the email address; only a salted hash is kept.
CREATE TABLE verification_code (
    id              VARCHAR(36) PRIMARY KEY,
    request_id      VARCHAR(36) NOT NULL REFERENCES dsar_request (id),
    code_hash       VARCHAR(64) NOT NULL,
    salt            VARCHAR(32) NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER     NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    invalidated_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX verification_code_request ON verification_code (request_id, issued_at);

-- Links sent to the requester; only the SHA-256 of the token is kept.
CREATE TABLE requester_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    request_id VARCHAR(36) NOT NULL REFERENCES dsar_request (id),
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per mail sent, keyed so that a retried job never sends the same mail twice.
CREATE TABLE sent_mail (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    request_id      VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    template        VARCHAR(64)  NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE legal_hold_check (
    id          VARCHAR(36) PRIMARY KEY,
    request_id  VARCHAR(36) NOT NULL REFERENCES dsar_request (id),
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    holds_found INTEGER     NOT NULL,
    outcome     VARCHAR(32) NOT NULL
);

-- What each lookup found, per source. The records themselves are kept as JSON for the package.
CREATE TABLE lookup_result (
    id           VARCHAR(36)  PRIMARY KEY,
    request_id   VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    source_name  VARCHAR(64)  NOT NULL,
    record_count INTEGER      NOT NULL,
    duration_ms  BIGINT       NOT NULL,
    looked_up_at TIMESTAMP WITH TIME ZONE NOT NULL,
    records_json TEXT         NOT NULL
);
CREATE INDEX lookup_result_request ON lookup_result (request_id);

CREATE TABLE access_package (
    id          VARCHAR(36) PRIMARY KEY,
    request_id  VARCHAR(36) NOT NULL REFERENCES dsar_request (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    size_bytes  BIGINT      NOT NULL,
    sha256      VARCHAR(64) NOT NULL,
    content     BYTEA       NOT NULL
);
CREATE INDEX access_package_request ON access_package (request_id, created_at);
