CREATE TYPE "public"."privacy_retention_trigger" AS ENUM('schedule', 'manual');--> statement-breakpoint
CREATE TABLE "privacy_retention_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_date" date NOT NULL,
	"trigger" "privacy_retention_trigger" NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"claimed_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"phone_months" integer NOT NULL,
	"rejected_days" integer NOT NULL,
	"phone_cutoff" timestamp with time zone NOT NULL,
	"rejected_cutoff" timestamp with time zone NOT NULL,
	"phones_erased" integer DEFAULT 0 NOT NULL,
	"address_hashes_erased" integer DEFAULT 0 NOT NULL,
	"comments_deleted" integer DEFAULT 0 NOT NULL,
	"rate_limit_hits_deleted" integer DEFAULT 0 NOT NULL,
	"view_readers_deleted" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_retention_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"phone_months" integer DEFAULT 12 NOT NULL,
	"rejected_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "privacy_retention_settings_one_row" CHECK ("privacy_retention_settings"."id"),
	CONSTRAINT "privacy_retention_settings_phone_months" CHECK ("privacy_retention_settings"."phone_months" between 1 and 120),
	CONSTRAINT "privacy_retention_settings_rejected_days" CHECK ("privacy_retention_settings"."rejected_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "comments" ALTER COLUMN "ip_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_retention_settings" ADD CONSTRAINT "privacy_retention_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_retention_runs_daily_key" ON "privacy_retention_runs" USING btree ("run_date") WHERE trigger = 'schedule';--> statement-breakpoint
CREATE INDEX "privacy_retention_runs_started_idx" ON "privacy_retention_runs" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "comments_personal_data_created_idx" ON "comments" USING btree ("created_at") WHERE phone is not null or ip_hash is not null;