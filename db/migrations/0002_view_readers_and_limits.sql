CREATE TABLE "article_view_readers" (
	"article_id" integer NOT NULL,
	"reader_hash" text NOT NULL,
	"address_hash" text NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_view_readers_article_id_reader_hash_pk" PRIMARY KEY("article_id","reader_hash")
);
--> statement-breakpoint
ALTER TABLE "article_view_readers" ADD CONSTRAINT "article_view_readers_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_view_readers_address_idx" ON "article_view_readers" USING btree ("article_id","address_hash");--> statement-breakpoint
CREATE INDEX "article_view_readers_counted_idx" ON "article_view_readers" USING btree ("counted_at");--> statement-breakpoint
CREATE INDEX "rate_limit_hits_created_idx" ON "rate_limit_hits" USING btree ("created_at");