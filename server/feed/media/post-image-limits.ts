/** Pictures one post may carry (Twitter's and Mastodon's limit). */
export const POST_IMAGES_MAX = 4;
/** Alt text per picture, in characters (Mastodon allows 1,500). */
export const IMAGE_ALT_MAX_LENGTH = 1_500;
/** Pictures are stored at most this many pixels on a side (never enlarged). */
export const POST_IMAGE_MAX_SIDE = 2_048;
/** Pictures a person may have uploaded and not yet posted: a bound on what an abandoned compose box can leave behind. */
export const PENDING_IMAGES_MAX = 16;
/** An uploaded picture not posted within this long is removed: by the hourly sweep, or at its uploader's next upload if sooner. */
export const PENDING_IMAGE_TTL_MS = 24 * 60 * 60 * 1000;
