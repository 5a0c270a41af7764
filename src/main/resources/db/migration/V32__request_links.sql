-- Repeated requests (issue 13). Portable SQL: H2 and PostgreSQL.

-- A request received while another open request of the same person (same email) for the same right exists: the
-- reviewer sees the link and decides to answer both or to merge (deny the later one as a duplicate).
CREATE TABLE request_link (
    request_id        VARCHAR(36) NOT NULL REFERENCES dsar_request (id),
    linked_request_id VARCHAR(36) NOT NULL REFERENCES dsar_request (id),
    linked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, linked_request_id)
);
CREATE INDEX dsar_request_open_email ON dsar_request (email, request_type);
