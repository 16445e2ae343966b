CREATE TABLE "personal_data_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"role" text NOT NULL,
	"action" text NOT NULL,
	"record_kind" text NOT NULL,
	"record_ids" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"org_id" uuid,
	"address" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "personal_data_log_at_idx" ON "personal_data_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "personal_data_log_org_idx" ON "personal_data_log" USING btree ("org_id");