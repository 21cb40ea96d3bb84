CREATE TYPE "public"."data_request_kind" AS ENUM('access', 'erasure', 'withdraw_consent', 'restrict', 'object');--> statement-breakpoint
CREATE TYPE "public"."data_request_status" AS ENUM('received', 'acknowledged', 'done');--> statement-breakpoint
CREATE TYPE "public"."public_holiday_kind" AS ENUM('holiday', 'working_day');--> statement-breakpoint
CREATE TABLE "data_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"kind" "data_request_kind" NOT NULL,
	"content" text NOT NULL,
	"status" "data_request_status" DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledge_by" date NOT NULL,
	"due_by" date NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"extended_until" date,
	"extension_reason" text,
	"done_at" timestamp with time zone,
	"reply" text,
	"handled_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "public_holiday_kind" DEFAULT 'holiday' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_requests_code_idx" ON "data_requests" USING btree ("code");--> statement-breakpoint
CREATE INDEX "data_requests_status_due_idx" ON "data_requests" USING btree ("status","due_by");--> statement-breakpoint
CREATE INDEX "data_requests_received_idx" ON "data_requests" USING btree ("received_at" DESC NULLS LAST);--> statement-breakpoint
-- hand-written (keep at merge)
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_contact_check" CHECK ("phone" IS NOT NULL OR "email" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_lengths_check" CHECK (char_length("code") BETWEEN 10 AND 32 AND char_length("name") <= 100 AND char_length("content") <= 5000 AND char_length(coalesce("reply", '')) <= 10000 AND char_length(coalesce("extension_reason", '')) <= 1000);--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_extension_check" CHECK (("extended_until" IS NULL) = ("extension_reason" IS NULL) AND ("extended_until" IS NULL OR ("extended_until" > "due_by" AND "extended_until" <= "due_by" + 30)));--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_done_check" CHECK (("status" = 'done') = ("done_at" IS NOT NULL) AND ("status" = 'done') = ("reply" IS NOT NULL) AND ("status" = 'received') = ("acknowledged_at" IS NULL));--> statement-breakpoint
ALTER TABLE "public_holidays" ADD CONSTRAINT "public_holidays_name_check" CHECK (char_length("name") BETWEEN 1 AND 100);--> statement-breakpoint
-- The official days off of 2026 and 2027 (lib/public-holidays-seed.ts; admins edit them later).
INSERT INTO "public_holidays" ("day", "name", "kind") VALUES
  ('2026-01-01', 'Tết Dương lịch', 'holiday'),
  ('2026-01-02', 'Tết Dương lịch (nghỉ bù)', 'holiday'),
  ('2026-02-16', 'Tết Nguyên đán', 'holiday'),
  ('2026-02-17', 'Tết Nguyên đán', 'holiday'),
  ('2026-02-18', 'Tết Nguyên đán', 'holiday'),
  ('2026-02-19', 'Tết Nguyên đán', 'holiday'),
  ('2026-02-20', 'Tết Nguyên đán', 'holiday'),
  ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)', 'holiday'),
  ('2026-04-30', 'Ngày Chiến thắng', 'holiday'),
  ('2026-05-01', 'Quốc tế Lao động', 'holiday'),
  ('2026-08-22', 'Làm bù cho ngày 31/8', 'working_day'),
  ('2026-08-31', 'Quốc khánh (hoán đổi)', 'holiday'),
  ('2026-09-01', 'Quốc khánh', 'holiday'),
  ('2026-09-02', 'Quốc khánh', 'holiday'),
  ('2027-01-01', 'Tết Dương lịch', 'holiday'),
  ('2027-02-04', 'Tết Nguyên đán', 'holiday'),
  ('2027-02-05', 'Tết Nguyên đán', 'holiday'),
  ('2027-02-08', 'Tết Nguyên đán', 'holiday'),
  ('2027-02-09', 'Tết Nguyên đán', 'holiday'),
  ('2027-02-10', 'Tết Nguyên đán', 'holiday'),
  ('2027-04-16', 'Giỗ Tổ Hùng Vương', 'holiday'),
  ('2027-04-30', 'Ngày Chiến thắng', 'holiday'),
  ('2027-05-03', 'Quốc tế Lao động (nghỉ bù)', 'holiday'),
  ('2027-09-02', 'Quốc khánh', 'holiday'),
  ('2027-09-03', 'Quốc khánh', 'holiday')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Finding a person's comments (a data request): by normalised phone, and by name ignoring case and accents.
CREATE INDEX "comments_phone_idx" ON "comments" USING btree ("phone") WHERE "phone" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "comments_name_key_idx" ON "comments" USING btree (lower(immutable_unaccent("name")));
