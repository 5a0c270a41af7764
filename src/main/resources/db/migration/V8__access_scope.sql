-- How much an access request discloses: FULL (the specific pieces of data) or CATEGORIES (categories only, for a
-- CCPA request for specific pieces whose identity could be verified only to a reasonable degree, 11 CCR 7062(e)).
ALTER TABLE dsar_request ADD COLUMN access_scope VARCHAR(16) DEFAULT 'FULL' NOT NULL;
