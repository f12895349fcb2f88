/** Named, enforced limits of comments and reports (client-safe: the forms show them too). */
export const COMMENT_MAX_CHARS = 2_000;
export const REPORT_MAX_CHARS = 500;
