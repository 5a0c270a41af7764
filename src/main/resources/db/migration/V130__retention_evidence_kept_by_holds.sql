-- Routine retention per subject (issue 17). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- How many expired records legal holds on subjects kept in the source, and which holds (ids, comma-separated).
-- Null rows_kept with legal_hold_id set: the hold kept the whole source from the run.
ALTER TABLE retention_evidence ADD COLUMN rows_kept INTEGER;
ALTER TABLE retention_evidence ADD COLUMN kept_by_holds VARCHAR(2000);
