CREATE TABLE "record_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"org_id" uuid,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "recycle_bin" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"label" text NOT NULL,
	"record_date" text,
	"data" jsonb NOT NULL,
	"deleted_at" timestamp with time zone NOT NULL,
	"deleted_by_user_id" uuid,
	"deleted_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "status" text DEFAULT 'held' NOT NULL;--> statement-breakpoint
CREATE INDEX "record_changes_record_idx" ON "record_changes" USING btree ("record_type","record_id","at");--> statement-breakpoint
CREATE INDEX "recycle_bin_org_idx" ON "recycle_bin" USING btree ("org_id","deleted_at");--> statement-breakpoint
CREATE INDEX "recycle_bin_record_idx" ON "recycle_bin" USING btree ("record_type","record_id");