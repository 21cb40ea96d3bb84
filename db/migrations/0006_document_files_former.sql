DROP INDEX "document_files_unattached_idx";--> statement-breakpoint
ALTER TABLE "document_files" ADD COLUMN "former_document_id" integer;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_former_document_id_documents_id_fk" FOREIGN KEY ("former_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_files_former_idx" ON "document_files" USING btree ("former_document_id") WHERE former_document_id is not null;--> statement-breakpoint
CREATE INDEX "document_files_unattached_idx" ON "document_files" USING btree ("created_at") WHERE document_id is null and former_document_id is null;