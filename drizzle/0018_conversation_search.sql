-- A search finds a word anywhere in a ticket's conversation through one index of the tickets table: the words
-- of its messages are kept beside the ticket, in messages_vector, by the triggers below. Before, each search
-- collected the tickets of every message that held the word, which for a common word on 100k tickets took
-- hundreds of milliseconds. The first message repeats the ticket's description (already in search_vector) and
-- is left out, so a new ticket costs no extra write.
DROP INDEX "ticket_messages_search_idx";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "messages_vector" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
-- The words of a ticket's messages, counted afresh (the first message's repetition of the description left out).
CREATE FUNCTION "ticket_messages_vector"(ticket uuid, description text) RETURNS tsvector LANGUAGE sql STABLE AS $$
	SELECT coalesce(to_tsvector('english', string_agg(m."body", ' ' ORDER BY m."seq")), ''::tsvector)
	FROM "ticket_messages" m WHERE m."ticket_id" = ticket AND m."body" IS DISTINCT FROM description
$$;--> statement-breakpoint
-- A new message adds its words.
CREATE FUNCTION "ticket_messages_vector_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "tickets" SET "messages_vector" = "messages_vector" || to_tsvector('english', NEW."body")
	WHERE "id" = NEW."ticket_id" AND "description" IS DISTINCT FROM NEW."body";
	RETURN NULL;
END $$;--> statement-breakpoint
-- An edited, moved or deleted message: the tickets it left and joined count their words afresh.
CREATE FUNCTION "ticket_messages_vector_redo"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "tickets" t SET "messages_vector" = "ticket_messages_vector"(t."id", t."description")
	WHERE t."id" = OLD."ticket_id" OR (TG_OP = 'UPDATE' AND t."id" = NEW."ticket_id");
	RETURN NULL;
END $$;--> statement-breakpoint
-- A changed description: the first message may no longer repeat it (or now does).
CREATE FUNCTION "tickets_messages_vector_redo"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW."messages_vector" := "ticket_messages_vector"(NEW."id", NEW."description");
	RETURN NEW;
END $$;--> statement-breakpoint
UPDATE "tickets" t SET "messages_vector" = "ticket_messages_vector"(t."id", t."description")
WHERE EXISTS (SELECT 1 FROM "ticket_messages" m WHERE m."ticket_id" = t."id" AND m."body" IS DISTINCT FROM t."description");--> statement-breakpoint
CREATE INDEX "tickets_messages_search_idx" ON "tickets" USING gin ("messages_vector");--> statement-breakpoint
CREATE TRIGGER "ticket_messages_vector_insert" AFTER INSERT ON "ticket_messages"
	FOR EACH ROW EXECUTE FUNCTION "ticket_messages_vector_add"();--> statement-breakpoint
CREATE TRIGGER "ticket_messages_vector_update" AFTER UPDATE OF "body", "ticket_id" ON "ticket_messages"
	FOR EACH ROW WHEN (OLD."body" IS DISTINCT FROM NEW."body" OR OLD."ticket_id" IS DISTINCT FROM NEW."ticket_id")
	EXECUTE FUNCTION "ticket_messages_vector_redo"();--> statement-breakpoint
CREATE TRIGGER "ticket_messages_vector_delete" AFTER DELETE ON "ticket_messages"
	FOR EACH ROW EXECUTE FUNCTION "ticket_messages_vector_redo"();--> statement-breakpoint
CREATE TRIGGER "tickets_messages_vector_description" BEFORE UPDATE OF "description" ON "tickets"
	FOR EACH ROW WHEN (OLD."description" IS DISTINCT FROM NEW."description")
	EXECUTE FUNCTION "tickets_messages_vector_redo"();--> statement-breakpoint
ALTER TABLE "ticket_messages" DROP COLUMN "search_vector";
