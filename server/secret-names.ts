/**
 * The signing keys Casebook needs. None has a default, because a default in a
 * public repository is a key everyone holds: `npm start`, `npm test` and the
 * benches generate them (scripts/stack/secrets.ts: one file each under
 * DATA_DIR, reused on later starts); a deployment (Docker, Vercel) sets them.
 * A plain list, so the start scripts can name them without parsing the environment.
 */
export const SECRET_NAMES = ["AUTH_SECRET", "PUSHER_APP_SECRET", "STRIPE_WEBHOOK_SECRET", "LINKS_CODE_SECRET"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
