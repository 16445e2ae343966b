CREATE TABLE "development_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid,
	"person_name" text NOT NULL,
	"birth_date" date,
	"rule_set" text NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"month" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"paid_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_rates" (
	"member_id" uuid NOT NULL,
	"from_month" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"category" text NOT NULL,
	"base_fen" integer,
	CONSTRAINT "dues_rates_member_id_from_month_pk" PRIMARY KEY("member_id","from_month")
);
--> statement-breakpoint
ALTER TABLE "development_cases" ADD CONSTRAINT "development_cases_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_cases" ADD CONSTRAINT "development_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_rates" ADD CONSTRAINT "dues_rates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_cases_org_idx" ON "development_cases" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "development_cases_member_idx" ON "development_cases" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "dues_payments_member_month_idx" ON "dues_payments" USING btree ("member_id","month");