CREATE TABLE "article_correction_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"correction_id" integer NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "article_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "article_correction_versions" ADD CONSTRAINT "article_correction_versions_correction_id_article_corrections_id_fk" FOREIGN KEY ("correction_id") REFERENCES "public"."article_corrections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_correction_versions" ADD CONSTRAINT "article_correction_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "article_correction_versions_key" ON "article_correction_versions" USING btree ("correction_id","version");--> statement-breakpoint
CREATE INDEX "article_corrections_article_idx" ON "article_corrections" USING btree ("article_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "article_corrections_created_idx" ON "article_corrections" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- hand-written (keep at merge)
-- Corrections are never edited away silently (issue 16): the text is bounded, every text a
-- correction has is a version row, versions are never changed, and a correction goes only with
-- its article (the cascade of deleting the article: by then the article row is gone).
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_body_length" CHECK (char_length("body") BETWEEN 1 AND 2000);--> statement-breakpoint
ALTER TABLE "article_correction_versions" ADD CONSTRAINT "article_correction_versions_body_length" CHECK (char_length("body") BETWEEN 1 AND 2000);--> statement-breakpoint
ALTER TABLE "article_correction_versions" ADD CONSTRAINT "article_correction_versions_reason_length" CHECK (char_length("reason") <= 500);--> statement-breakpoint
CREATE FUNCTION article_correction_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) THEN
      RAISE EXCEPTION 'a correction is kept as long as its article (article %, correction %)', OLD.article_id, OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.article_id <> OLD.article_id OR NEW.created_at <> OLD.created_at OR NEW.version < OLD.version
     OR (NEW.body <> OLD.body AND NEW.version = OLD.version) THEN
    RAISE EXCEPTION 'a correction changes only by a new version (correction %)', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER article_corrections_guard BEFORE UPDATE OR DELETE ON article_corrections FOR EACH ROW EXECUTE FUNCTION article_correction_guard();--> statement-breakpoint
CREATE FUNCTION article_correction_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM article_correction_versions v WHERE v.correction_id = NEW.id AND v.version = NEW.version AND v.body = NEW.body) THEN
    RAISE EXCEPTION 'correction % has no version % of its text', NEW.id, NEW.version USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER article_corrections_versioned AFTER INSERT OR UPDATE OF body, version ON article_corrections
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION article_correction_versioned();--> statement-breakpoint
CREATE FUNCTION article_correction_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Only what a user's deletion does to the row (ON DELETE SET NULL).
    IF NEW.changed_by IS NULL AND OLD.changed_by IS NOT NULL AND (NEW.correction_id, NEW.version, NEW.body, NEW.reason, NEW.changed_at) = (OLD.correction_id, OLD.version, OLD.body, OLD.reason, OLD.changed_at) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a correction version is never changed (correction %, version %)', OLD.correction_id, OLD.version USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM article_corrections WHERE id = OLD.correction_id) THEN
    RAISE EXCEPTION 'a correction version goes only with its correction (correction %, version %)', OLD.correction_id, OLD.version USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER article_correction_versions_guard BEFORE UPDATE OR DELETE ON article_correction_versions FOR EACH ROW EXECUTE FUNCTION article_correction_version_guard();
