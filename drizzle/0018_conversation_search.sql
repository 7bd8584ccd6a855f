-- A search finds a word anywhere in a ticket's conversation through one index: the ticket's search_vector now
-- holds the words of its messages too (weight D, after its subject's A and description's B), kept by the
-- triggers below instead of being generated from the subject and description alone. Before, each search
-- collected the tickets of every message that held the word, which for a common word on 100k tickets took
-- hundreds of milliseconds. The first message repeats the ticket's description and is left out, so a new
-- ticket costs no extra write.
DROP INDEX "ticket_messages_search_idx";--> statement-breakpoint
ALTER TABLE "ticket_messages" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "tickets" ALTER COLUMN "search_vector" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "tickets" ALTER COLUMN "search_vector" SET DEFAULT ''::tsvector;--> statement-breakpoint
ALTER TABLE "tickets" ALTER COLUMN "search_vector" SET NOT NULL;--> statement-breakpoint
-- The ticket's own words: what the generated column held.
CREATE FUNCTION "ticket_own_words"(subject text, description text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
	SELECT setweight(to_tsvector('english', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')
$$;--> statement-breakpoint
-- The ticket's own words and its messages', counted afresh (the first message's repetition of the description left out).
CREATE FUNCTION "ticket_search_vector"(ticket uuid, subject text, description text) RETURNS tsvector LANGUAGE sql STABLE AS $$
	SELECT "ticket_own_words"(subject, description) || coalesce(
		(SELECT to_tsvector('english', string_agg(m."body", ' ' ORDER BY m."seq")) FROM "ticket_messages" m
		 WHERE m."ticket_id" = ticket AND m."body" IS DISTINCT FROM description),
		''::tsvector)
$$;--> statement-breakpoint
-- A tsvector holds at most 1 MB of distinct words. A text with more (a pasted log, a very long thread) must
-- never stop a ticket or a message from being stored: the words that do not fit are left out of the search.
-- A ticket's words when it is inserted (its own: it has no messages yet) or when its subject or description
-- changes (everything afresh: the first message may no longer repeat the description); its subject's alone
-- when they do not fit.
CREATE FUNCTION "tickets_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	BEGIN
		IF TG_OP = 'INSERT' THEN
			NEW."search_vector" := "ticket_own_words"(NEW."subject", NEW."description");
		ELSE
			NEW."search_vector" := "ticket_search_vector"(NEW."id", NEW."subject", NEW."description");
		END IF;
	EXCEPTION WHEN program_limit_exceeded THEN
		NEW."search_vector" := "ticket_own_words"(NEW."subject", '');
	END;
	RETURN NEW;
END $$;--> statement-breakpoint
-- A new message adds its words (the first message, which repeats the description, adds none).
CREATE FUNCTION "ticket_messages_search_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM "tickets" WHERE "id" = NEW."ticket_id" AND "description" IS DISTINCT FROM NEW."body") THEN
		BEGIN
			UPDATE "tickets" SET "search_vector" = "search_vector" || to_tsvector('english', NEW."body") WHERE "id" = NEW."ticket_id";
		EXCEPTION WHEN program_limit_exceeded THEN
			NULL;
		END;
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
-- An edited, moved or deleted message: the tickets it left and joined count their words afresh.
CREATE FUNCTION "ticket_messages_search_redo"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	BEGIN
		UPDATE "tickets" t SET "search_vector" = "ticket_search_vector"(t."id", t."subject", t."description")
		WHERE t."id" = OLD."ticket_id" OR (TG_OP = 'UPDATE' AND t."id" = NEW."ticket_id");
	EXCEPTION WHEN program_limit_exceeded THEN
		UPDATE "tickets" t SET "search_vector" = "ticket_own_words"(t."subject", t."description")
		WHERE t."id" = OLD."ticket_id" OR (TG_OP = 'UPDATE' AND t."id" = NEW."ticket_id");
	END;
	RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE ticket record;
BEGIN
	-- One statement for all tickets, unless a conversation's words do not fit: then ticket by ticket.
	BEGIN
		UPDATE "tickets" t SET "search_vector" = "ticket_search_vector"(t."id", t."subject", t."description")
		WHERE EXISTS (SELECT 1 FROM "ticket_messages" m WHERE m."ticket_id" = t."id" AND m."body" IS DISTINCT FROM t."description");
	EXCEPTION WHEN program_limit_exceeded THEN
		FOR ticket IN SELECT t."id" FROM "tickets" t WHERE EXISTS (SELECT 1 FROM "ticket_messages" m WHERE m."ticket_id" = t."id" AND m."body" IS DISTINCT FROM t."description") LOOP
			BEGIN
				UPDATE "tickets" t SET "search_vector" = "ticket_search_vector"(t."id", t."subject", t."description") WHERE t."id" = ticket."id";
			EXCEPTION WHEN program_limit_exceeded THEN
				NULL;
			END;
		END LOOP;
	END;
END $$;--> statement-breakpoint
CREATE TRIGGER "tickets_search_vector_insert" BEFORE INSERT ON "tickets"
	FOR EACH ROW EXECUTE FUNCTION "tickets_search_vector"();--> statement-breakpoint
CREATE TRIGGER "tickets_search_vector_update" BEFORE UPDATE OF "subject", "description" ON "tickets"
	FOR EACH ROW WHEN (OLD."subject" IS DISTINCT FROM NEW."subject" OR OLD."description" IS DISTINCT FROM NEW."description")
	EXECUTE FUNCTION "tickets_search_vector"();--> statement-breakpoint
CREATE TRIGGER "ticket_messages_search_insert" AFTER INSERT ON "ticket_messages"
	FOR EACH ROW EXECUTE FUNCTION "ticket_messages_search_add"();--> statement-breakpoint
CREATE TRIGGER "ticket_messages_search_update" AFTER UPDATE OF "body", "ticket_id" ON "ticket_messages"
	FOR EACH ROW WHEN (OLD."body" IS DISTINCT FROM NEW."body" OR OLD."ticket_id" IS DISTINCT FROM NEW."ticket_id")
	EXECUTE FUNCTION "ticket_messages_search_redo"();--> statement-breakpoint
CREATE TRIGGER "ticket_messages_search_delete" AFTER DELETE ON "ticket_messages"
	FOR EACH ROW EXECUTE FUNCTION "ticket_messages_search_redo"();
