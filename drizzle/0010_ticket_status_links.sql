CREATE TABLE "ticket_status_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT "tickets_public_token_hash_unique";--> statement-breakpoint
ALTER TABLE "ticket_status_links" ADD CONSTRAINT "ticket_status_links_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_status_links_ticket_idx" ON "ticket_status_links" USING btree ("ticket_id");--> statement-breakpoint
-- Links customers already hold keep working: each ticket's one intake token moves over.
INSERT INTO "ticket_status_links" ("token_hash", "ticket_id", "created_at") SELECT "public_token_hash", "id", "created_at" FROM "tickets" WHERE "public_token_hash" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "public_token_hash";