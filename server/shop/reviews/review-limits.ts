/** Review limits, shared by the server and the review form (browser-safe). */
export const REVIEW_BODY_MAX_LENGTH = 2_000;
