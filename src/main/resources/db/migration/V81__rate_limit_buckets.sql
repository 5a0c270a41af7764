-- Token buckets of the public API's per-client limit, shared by every node on PostgreSQL (Bucket4j's PostgreSQL
-- back end; docs/operations.md). The id is a keyed hash of the client address, never the address; expires_at
-- (milliseconds since the epoch) is when a bucket would be full again, after which its row is removed.
-- Created on H2 too (same migrations everywhere), where the limit is kept in memory instead.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(64) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
