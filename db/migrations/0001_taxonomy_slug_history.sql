CREATE TYPE "public"."taxonomy_kind" AS ENUM('section', 'tag');--> statement-breakpoint
CREATE TABLE "taxonomy_slug_history" (
	"kind" "taxonomy_kind" NOT NULL,
	"slug" text NOT NULL,
	"target_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "taxonomy_slug_history_kind_slug_pk" PRIMARY KEY("kind","slug")
);
