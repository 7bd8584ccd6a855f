CREATE INDEX "customers_email_prefix_idx" ON "customers" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
-- A ticket search matches a customer's name anywhere in it: a trigram index answers that without reading
-- every customer. pg_trgm ships with PostgreSQL (and PGlite); where it cannot be created, search still works
-- and reads the customers instead.
DO $$
BEGIN
	CREATE EXTENSION IF NOT EXISTS pg_trgm;
	CREATE INDEX IF NOT EXISTS "customers_name_trgm_idx" ON "customers" USING gin (lower(coalesce("name", '')) gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
	RAISE NOTICE 'pg_trgm is not available (%): customer names are searched without an index', SQLERRM;
END $$;
