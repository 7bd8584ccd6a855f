ALTER TABLE "kb_chunks" ADD COLUMN "keywords" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "kb_chunks" SET "keywords" = array_to_string(a."tags", ', ') FROM "kb_articles" a WHERE a."id" = "kb_chunks"."article_id";--> statement-breakpoint
ALTER TABLE "kb_chunks" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "kb_chunks" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "kb_chunks"."heading"), 'A') || setweight(to_tsvector('english', "kb_chunks"."keywords"), 'A') || setweight(to_tsvector('english', "kb_chunks"."text"), 'B')) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "kb_chunks_search_idx" ON "kb_chunks" USING gin ("search_vector");
