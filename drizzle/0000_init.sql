CREATE TABLE "committee_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"elected_on" date NOT NULL,
	"term_years" integer NOT NULL,
	"expires_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"unit_kind" text DEFAULT 'other' NOT NULL,
	"established_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"subgroup_id" uuid,
	"name" text NOT NULL,
	"gender" text,
	"ethnicity" text,
	"birth_date" date,
	"education" text,
	"id_number_enc" text,
	"id_number_masked" text,
	"id_number_hash" text,
	"phone_enc" text,
	"phone_masked" text,
	"category" text NOT NULL,
	"applied_on" date,
	"admitted_on" date,
	"full_on" date,
	"status" text DEFAULT 'normal' NOT NULL,
	"left_on" date,
	"positions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"location" text,
	"chair_member_id" uuid,
	"lecturer_member_id" uuid,
	"lecturer_name" text,
	"minutes" text,
	"non_member_participants" integer DEFAULT 0 NOT NULL,
	"study_hours" numeric(5, 1) DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"activity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"is_first_agenda_item" boolean DEFAULT false NOT NULL,
	CONSTRAINT "agenda_items_activity_id_position_pk" PRIMARY KEY("activity_id","position")
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	CONSTRAINT "attendance_activity_id_member_id_pk" PRIMARY KEY("activity_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "development_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid,
	"person_name" text NOT NULL,
	"step" text NOT NULL,
	"date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_terms" ADD CONSTRAINT "committee_terms_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_subgroup_id_organizations_id_fk" FOREIGN KEY ("subgroup_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_chair_member_id_members_id_fk" FOREIGN KEY ("chair_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_lecturer_member_id_members_id_fk" FOREIGN KEY ("lecturer_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_events" ADD CONSTRAINT "development_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_events" ADD CONSTRAINT "development_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_terms_org_idx" ON "committee_terms" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "organizations_path_idx" ON "organizations" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree ("name");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "members_subgroup_idx" ON "members" USING btree ("subgroup_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_hash_uq" ON "members" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "activities_org_date_idx" ON "activities" USING btree ("org_id","date");--> statement-breakpoint
CREATE INDEX "activities_chair_idx" ON "activities" USING btree ("chair_member_id");--> statement-breakpoint
CREATE INDEX "activities_lecturer_idx" ON "activities" USING btree ("lecturer_member_id");--> statement-breakpoint
CREATE INDEX "attendance_member_idx" ON "attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "development_events_org_date_idx" ON "development_events" USING btree ("org_id","date");--> statement-breakpoint
CREATE INDEX "development_events_member_idx" ON "development_events" USING btree ("member_id");