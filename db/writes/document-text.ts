import 'server-only';
import { sql as raw } from 'drizzle-orm';
import type { Database } from '@/db';
import { FILES_TEXT_LIMIT } from '@/lib/documents';

type Executor = Pick<Database, 'execute'>;

/**
 * Rebuilds `documents.files_text` (what search reads through `search_vector`) from the texts of
 * the document's files whose extraction is `done`, in file order, capped at FILES_TEXT_LIMIT.
 * Call it in the same transaction as any change to a document's files: attaching, detaching,
 * reordering, or the text job finishing one.
 */
export async function refreshFilesText(tx: Executor, documentId: number): Promise<void> {
  await tx.execute(raw`
    update documents d
       set files_text = coalesce((
             select left(string_agg(f.text_content, E'\\n' order by f.position, f.id), ${FILES_TEXT_LIMIT})
               from document_files f
              where f.document_id = d.id and f.text_status = 'done'
           ), '')
     where d.id = ${documentId}`);
}
