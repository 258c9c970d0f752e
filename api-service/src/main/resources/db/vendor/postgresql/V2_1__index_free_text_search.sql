-- Trigram indexes, so that free-text search, LOWER(name) LIKE '%term%' and the same on
-- the description, reads an index instead of every row. They need the pg_trgm
-- extension, which ships with PostgreSQL; where the database user may not create it,
-- the migration skips the indexes and search reads the rows that the other filters
-- leave.
DO $$
BEGIN
	CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION
	WHEN insufficient_privilege OR undefined_file THEN
		RAISE NOTICE 'Extension pg_trgm is not available, so no trigram indexes: %', SQLERRM;
END
$$;

DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
		CREATE INDEX product_name_trigram ON product USING gin (LOWER(name) gin_trgm_ops);
		CREATE INDEX product_description_trigram ON product USING gin (LOWER(description) gin_trgm_ops);
	END IF;
END
$$;
