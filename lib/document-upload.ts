// Where the document form sends its files and how much one request may carry there: shared by
// the route (app/dashboard/van-ban/tep) and the request guard in front of Next, which streams
// this one path instead of buffering it (scripts/lib/request-guard.ts).

/** The upload endpoint of the document form (COMMON contract). */
export const DOCUMENT_UPLOAD_PATH = '/dashboard/van-ban/tep';

/**
 * What a multipart body may carry beyond the file itself: the boundary lines and part headers
 * (the file name is at most a few hundred bytes).
 */
export const DOCUMENT_UPLOAD_SLACK = 64 * 1024;

/** The most one upload request may hold, for a file of at most `maxFileBytes`. */
export const documentUploadBytes = (maxFileBytes: number): number => maxFileBytes + DOCUMENT_UPLOAD_SLACK;
