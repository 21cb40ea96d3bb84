CREATE TYPE "public"."document_status" AS ENUM('draft', 'published', 'unpublished');--> statement-breakpoint
CREATE TYPE "public"."document_term_kind" AS ENUM('type', 'issuer', 'field');--> statement-breakpoint
CREATE TYPE "public"."document_text_status" AS ENUM('pending', 'done', 'no_text', 'failed', 'not_applicable');--> statement-breakpoint
CREATE TABLE "article_documents" (
	"article_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "article_documents_article_id_document_id_pk" PRIMARY KEY("article_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "document_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"text_status" "document_text_status" DEFAULT 'pending' NOT NULL,
	"text_content" text DEFAULT '' NOT NULL,
	"text_error" text DEFAULT '' NOT NULL,
	"pages" integer,
	"extracted_at" timestamp with time zone,
	"text_attempts" integer DEFAULT 0 NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "document_term_kind" NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"number" text NOT NULL,
	"number_key" text GENERATED ALWAYS AS (regexp_replace(lower(immutable_unaccent(number)), '[^a-z0-9]+', '', 'g')) STORED NOT NULL,
	"type_id" integer NOT NULL,
	"issuer_id" integer NOT NULL,
	"field_id" integer,
	"signer" text DEFAULT '' NOT NULL,
	"issued_on" date NOT NULL,
	"effective_on" date,
	"expires_on" date,
	"abstract" text NOT NULL,
	"status" "document_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"replaces_id" integer,
	"files_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', regexp_replace(lower(immutable_unaccent(number)), '[^a-z0-9]+', '', 'g') || ' ' || lower(immutable_unaccent(coalesce(number, '')))), 'A') || setweight(to_tsvector('simple', lower(immutable_unaccent(coalesce(abstract, '')))), 'A') || setweight(to_tsvector('simple', lower(immutable_unaccent(coalesce(signer, '')))), 'B') || setweight(to_tsvector('simple', lower(immutable_unaccent(coalesce(files_text, '')))), 'C')) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_documents" ADD CONSTRAINT "article_documents_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_documents" ADD CONSTRAINT "article_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_type_id_document_terms_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."document_terms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issuer_id_document_terms_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."document_terms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_field_id_document_terms_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."document_terms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_replaces_id_documents_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_documents_document_idx" ON "article_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_files_document_idx" ON "document_files" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "document_files_pending_idx" ON "document_files" USING btree ("created_at") WHERE text_status = 'pending';--> statement-breakpoint
CREATE INDEX "document_files_unattached_idx" ON "document_files" USING btree ("created_at") WHERE document_id is null;--> statement-breakpoint
CREATE INDEX "document_files_storage_key_idx" ON "document_files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "document_revisions_document_idx" ON "document_revisions" USING btree ("document_id","version" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "document_terms_kind_slug_key" ON "document_terms" USING btree ("kind","slug");--> statement-breakpoint
CREATE INDEX "document_terms_kind_position_idx" ON "document_terms" USING btree ("kind","position");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_slug_key" ON "documents" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_issuer_number_key" ON "documents" USING btree ("issuer_id","number_key");--> statement-breakpoint
CREATE INDEX "documents_status_issued_idx" ON "documents" USING btree ("status","issued_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_type_issued_idx" ON "documents" USING btree ("type_id","status","issued_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_issuer_issued_idx" ON "documents" USING btree ("issuer_id","status","issued_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_field_issued_idx" ON "documents" USING btree ("field_id","status","issued_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_number_key_idx" ON "documents" USING btree ("number_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "documents_search_idx" ON "documents" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "documents_replaces_idx" ON "documents" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "documents_updated_idx" ON "documents" USING btree ("updated_at" DESC NULLS LAST);--> statement-breakpoint
-- The default `Loại văn bản` list (editable in the dashboard), on every installation, not only with demo content.
INSERT INTO "document_terms" ("kind", "slug", "name", "position") VALUES
  ('type', 'luat', 'Luật', 1),
  ('type', 'nghi-dinh', 'Nghị định', 2),
  ('type', 'quyet-dinh', 'Quyết định', 3),
  ('type', 'chi-thi', 'Chỉ thị', 4),
  ('type', 'ke-hoach', 'Kế hoạch', 5),
  ('type', 'thong-bao', 'Thông báo', 6),
  ('type', 'cong-van', 'Công văn', 7),
  ('type', 'huong-dan', 'Hướng dẫn', 8),
  ('type', 'bao-cao', 'Báo cáo', 9),
  ('type', 'to-trinh', 'Tờ trình', 10),
  ('type', 'khac', 'Khác', 11)
ON CONFLICT DO NOTHING;
