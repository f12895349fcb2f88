import { z } from "zod";
import { SECRET_NAMES, type SecretName } from "./secret-names";

/**
 * The only reader of process.env. Every setting but the secrets
 * (server/secret-names.ts) has a default that works on a fresh machine (the
 * embedded mode); setting the variable switches to the real service. Empty
 * strings count as unset so `.env` files can list every name.
 */

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1");
const optional = z.string().min(1).optional();
/**
 * "US:0,DE:19,GB:20" → { US: 0, DE: 1900, GB: 2000 }: a percentage (up to two
 * decimals, 0–100) per ISO country code, kept as integer basis points so tax
 * is computed in integers.
 */
const taxRates = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((list, ctx) => {
      const rates: Record<string, number> = {};
      for (const entry of list.split(",").map((item) => item.trim()).filter(Boolean)) {
        const match = /^([A-Za-z]{2})\s*:\s*(\d{1,3})(?:\.(\d{1,2}))?$/.exec(entry);
        const country = match?.[1]?.toUpperCase() ?? "";
        const basisPoints = match ? Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0")) : NaN;
        if (!match || basisPoints > 10_000) ctx.addIssue({ code: "custom", message: `"${entry}" is not COUNTRY:PERCENT like DE:19 or US:7.25 (0 to 100)` });
        else if (country in rates) ctx.addIssue({ code: "custom", message: `${country} is listed twice` });
        else rates[country] = basisPoints;
      }
      return rates;
    });
const secret = (minLength: number) => z.string().min(minLength, `must be at least ${minLength} characters`).optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  // Web
  HOST: z.string().default("0.0.0.0"),
  PORT: port(3000),
  APP_URL: z.url().optional(),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) => list.split(",").map((ip) => ip.trim()).filter(Boolean)),
  /** Link previews (server/platform/page-preview.ts) may fetch loopback and private addresses: tests and trusted intranets only. */
  PREVIEW_FETCH_ALLOW_PRIVATE: flag(false),
  /** Next's build folder (next.config.ts reads the same variable); the web process serves its static/ files (server/web/static-files.ts). */
  NEXT_DIST_DIR: z.string().default(".next"),

  // Embedded services started by `npm start` when the URLs below are unset
  DATA_DIR: z.string().default(".data"),
  PG_PORT: port(5433),
  REDIS_PORT: port(6380),

  /** Unset: the embedded Postgres on PG_PORT. */
  DATABASE_URL: optional,
  /** Postgres connections each process may hold (web, worker, gateway each have their own pool). */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(20),
  /** How long a query waits for a free connection of the pool before it fails ("timeout exceeded when trying to connect"). */
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().positive().default(5_000),
  /** Unset: a local redis-server on REDIS_PORT. */
  REDIS_URL: optional,

  // Accounts
  /** Signs session cookies. Like every secret, it has no default (SECRET_NAMES). */
  AUTH_SECRET: secret(32),
  DEMO_ACCOUNTS: flag(true),
  DEMO_PASSWORD: z.string().min(8).default("casebook-demo"),
  /** Sign-in attempts per client IP, and per (account, IP) pair, per LOGIN_LIMIT_WINDOW_SECONDS. */
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_LIMIT_PER_PAIR: z.coerce.number().int().positive().default(10),
  LOGIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  /** Failed sign-ins per account from all addresses together, per LOGIN_LIMIT_ACCOUNT_WINDOW_SECONDS: slower than the pair limit. */
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
  LOGIN_LIMIT_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Accounts created per client IP per hour. */
  SIGNUP_LIMIT_PER_IP: z.coerce.number().int().positive().default(10),
  /** Username availability checks per client IP per minute. */
  USERNAME_CHECK_LIMIT_PER_IP: z.coerce.number().int().positive().default(60),
  /** Password-reset and verification mails requested, per client IP per hour. */
  ACCOUNT_MAIL_LIMIT_PER_IP: z.coerce.number().int().positive().default(10),

  // Mail (server/platform/mail.ts)
  /** e.g. smtps://user:pass@smtp.example.com:465. Unset: mail goes to the Postgres outbox, read at /admin/outbox. */
  SMTP_URL: optional,
  MAIL_FROM: z.string().min(3).default("Casebook <no-reply@casebook.localhost>"),
  /**
   * New accounts sign in only after confirming their email, and sign-up answers the same whether or not the
   * address has an account (its owner gets a mail instead). Unset: on when SMTP_URL is set — without real mail
   * nobody but an admin could read the link.
   */
  REQUIRE_EMAIL_VERIFICATION: z.enum(["true", "false", "1", "0"]).optional(),
  // Rate limits (server/platform/ratelimit.ts): points per window, per key. Tests and benches raise them here.
  /** Anonymous API calls (e.g. Links' public create), per client IP. */
  RATE_LIMIT_API_ANONYMOUS_POINTS: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_API_ANONYMOUS_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Calls made with an API key, per key. */
  RATE_LIMIT_API_KEY_POINTS: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_API_KEY_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Uploads (avatars, videos, product images), per user. */
  RATE_LIMIT_UPLOAD_POINTS: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_UPLOAD_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Chat messages sent, per user (server/chat/messages/send-message.ts). */
  RATE_LIMIT_CHAT_SEND_POINTS: z.coerce.number().int().positive().default(120),
  RATE_LIMIT_CHAT_SEND_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),

  // Links (server/links)
  /** Origin short URLs are built on, e.g. https://cb.link. Unset: APP_URL. */
  SHORT_LINK_BASE_URL: z.url().optional(),
  /** Key of the permutation that turns counter values into codes (changing it changes future codes only). */
  LINKS_CODE_SECRET: secret(16),
  /** Destination domains refused at creation (comma-separated; subdomains included). */
  LINKS_BLOCKED_DOMAINS: z
    .string()
    .default("")
    .transform((list) => list.split(",").map((domain) => domain.trim().toLowerCase().replace(/\.$/, "")).filter(Boolean)),
  /**
   * In-process cache of resolved codes. Edits and deletes reach every instance through pub/sub within
   * milliseconds; this TTL only bounds staleness if such a message is lost (the LRU is also cleared on
   * every reconnect). Expiry is checked per request, independent of caching.
   */
  LINKS_LOCAL_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
  LINKS_LOCAL_CACHE_MAX: z.coerce.number().int().positive().default(100_000),
  LINKS_REDIS_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(3_600),
  LINKS_NEGATIVE_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(60),
  /** Redis stream that carries click events from the redirect to the worker; web and worker must agree. Tests give each file its own. */
  LINKS_CLICK_STREAM: z.string().min(1).default("casebook:links:clicks"),
  /** Click events the worker ingests per Postgres statement. */
  LINKS_INGEST_BATCH_SIZE: z.coerce.number().int().positive().default(500),
  /** CPU priority (nice 0–19) the worker process lowers itself to, so background work yields to the web process. */
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(0),
  /**
   * Redirects first, analytics catch up: while clicks arrive (all web instances together) faster than this
   * many per second, a burst of redirects rather than people clicking, the worker holds the click ingest
   * back and leaves the CPU to the redirects; below it, clicks are ingested as they arrive.
   */
  LINKS_INGEST_BURST_PER_SECOND: z.coerce.number().int().positive().default(2_000),
  /**
   * The longest the ingest holds back during a burst: once the oldest pending click is this many ms old it
   * runs anyway (so counting keeps up that far behind under sustained load). Counts stay exact; live
   * counters lag during a burst. 0: never hold back, every click ingested as it arrives.
   */
  LINKS_INGEST_MAX_LAG_MS: z.coerce.number().int().min(0).default(30_000),

  // Realtime: our gateway by default; PUSHER_* point at Pusher Channels or Soketi
  GATEWAY_HOST: z.string().default("127.0.0.1"),
  GATEWAY_PORT: port(6001),
  /**
   * Browser origins, besides the app's own (APP_URL, and PORT on the host the browser used), whose pages may
   * open a WebSocket to the gateway (comma-separated, e.g. https://admin.example.com). Clients without an Origin pass.
   */
  GATEWAY_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((list, ctx) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const parsed = URL.canParse(entry) ? new URL(entry) : undefined;
          if (!parsed || parsed.origin === "null") ctx.addIssue({ code: "custom", message: `${entry} is not an origin like https://example.com` });
          return parsed?.origin ?? entry;
        }),
    ),
  PUSHER_APP_ID: z.string().default("casebook"),
  PUSHER_APP_KEY: z.string().default("casebook-key"),
  PUSHER_APP_SECRET: secret(16),
  PUSHER_HOST: optional,
  PUSHER_PORT: z.coerce.number().int().positive().optional(),
  PUSHER_TLS: flag(false),
  PUSHER_CLUSTER: optional,
  /** Host the browser connects to when it differs from the server's (e.g. a public name). */
  PUSHER_PUBLIC_HOST: optional,
  /** How the server publishes: "redis" onto the project's gateways' topics, "http" through the Pusher API; "auto" = redis while one of our gateways is registered in REDIS_URL. */
  REALTIME_PUBLISH_VIA: z.enum(["auto", "redis", "http"]).default("auto"),

  // Maps (server/platform/map-settings.ts)
  /**
   * A Mapbox public token (pk....): the Rides map draws Mapbox's streets with mapbox-gl. Unset: maplibre-gl draws
   * the offline basemap in public/rides/basemap, with no outside request. Read at request time, so no rebuild.
   */
  NEXT_PUBLIC_MAPBOX_TOKEN: optional,
  MAPBOX_STYLE_URL: z.string().default("mapbox://styles/mapbox/streets-v12"),

  // Storage (server/platform/storage.ts): an S3-compatible bucket when S3_BUCKET is set, else local disk under STORAGE_DIR
  STORAGE_DIR: optional,
  /** The bucket every file goes to (AWS S3, Cloudflare R2, MinIO...); needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY. */
  S3_BUCKET: optional,
  /** The service's URL (R2: https://<account>.r2.cloudflarestorage.com; MinIO: http://minio:9000). Unset: AWS's endpoint for S3_REGION. */
  S3_ENDPOINT: z.url().optional(),
  /** AWS region; R2 takes "auto". */
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  /** Address the bucket as <endpoint>/<bucket> (MinIO, most self-hosted stores) instead of <bucket>.<endpoint host>. */
  S3_FORCE_PATH_STYLE: flag(false),
  AVATAR_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  SHOP_PRODUCT_IMAGE_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** Hard cap on any one stored object when the caller sets no smaller one (2 GiB). */
  STORAGE_MAX_OBJECT_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024 * 1024),

  // Chat (server/chat)
  /** Largest file one chat attachment may be (25 MB). */
  CHAT_ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),

  // Feed (server/feed)
  /**
   * Authors with at least this many followers are "celebrities": their posts are not fanned out to every
   * follower's timeline but merged into it at read time from the author's cached recent posts.
   */
  FEED_CELEBRITY_FOLLOWERS: z.coerce.number().int().positive().default(10_000),
  /** Entries kept per home timeline in Redis (and per author's recent-posts cache); older posts stay on profiles. */
  FEED_TIMELINE_SIZE: z.coerce.number().int().min(20).default(800),
  /**
   * A timeline not read for this long expires from Redis; fan-out skips timelines that are not there, so
   * inactive users cost nothing, and their timeline is rebuilt from Postgres when they return.
   */
  FEED_TIMELINE_TTL_DAYS: z.coerce.number().positive().default(7),
  /** Largest picture one may attach to a post (5 MB), before it is re-encoded. */
  FEED_IMAGE_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** Followers whose timelines one Redis round trip of the fan-out job updates. */
  FEED_FANOUT_BATCH: z.coerce.number().int().positive().default(1_000),
  /** Posts (replies, quotes and reposts included) per user. */
  RATE_LIMIT_FEED_POST_POINTS: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_FEED_POST_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  /** Follows and unfollows per user. */
  RATE_LIMIT_FEED_FOLLOW_POINTS: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_FEED_FOLLOW_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  /** Likes, unlikes, bookmarks per user. */
  RATE_LIMIT_FEED_LIKE_POINTS: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_FEED_LIKE_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  // Rides (server/rides)
  /** How long a driver has to answer an offer before it goes to the next driver (tests shorten it). */
  RIDES_OFFER_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Offers made for one request before the rider is told no driver is available. */
  RIDES_MAX_OFFERS: z.coerce.number().int().positive().default(5),
  /** An online driver with no location update for this long leaves the index of available drivers. */
  RIDES_DRIVER_STALE_SECONDS: z.coerce.number().int().positive().default(30),
  /** The sliding window of requests that surge counts per H3 cell. */
  RIDES_SURGE_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  /** An OSRM server (`http://osrm:5000`): trip distances and durations come from its routes; unset, from the straight line × a detour factor. */
  ROUTING_URL: z.url().optional(),
  /** Virtual drivers `npm start` runs in the demo city (0: none); `npm run simulate:drivers -- --count N` for another number. */
  RIDES_SIMULATED_DRIVERS: z.coerce.number().int().min(0).max(500).default(20),
  // Video (server/videos)
  /** Largest video one upload may be (2 GiB); larger declared uploads are refused with 413 before a byte is sent. */
  VIDEO_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024 * 1024),
  /** What one user's uploads may add up to (their sources' sizes), 10 GiB; past it a new upload is refused with 403. */
  VIDEO_QUOTA_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024 * 1024),
  /** Largest picture an owner may upload as a video's thumbnail (2 MiB; stored as WebP, at most 1280×720). */
  VIDEO_THUMBNAIL_MAX_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
  /** Largest captions file (.vtt or .srt) an owner may upload per language (512 KiB: hours of dialogue). */
  VIDEO_CAPTION_MAX_BYTES: z.coerce.number().int().positive().default(512 * 1024),
  /**
   * Largest PATCH body of a video upload (a tus chunk): the browser sends chunks of exactly this size and a bigger
   * one gets a 413. 8 MiB by default; at most 4 MB on Vercel, whose functions take bodies of 4.5 MB at most.
   */
  VIDEO_UPLOAD_CHUNK_BYTES: z.coerce.number().int().min(64 * 1024).default(8 * 1024 * 1024),
  /** An upload with no byte received for this long is abandoned: the worker removes it, files and all (hourly). */
  VIDEO_ABANDONED_UPLOAD_HOURS: z.coerce.number().positive().default(24),
  /** Longer sources fail with "longer than N minutes". */
  VIDEO_MAX_DURATION_MINUTES: z.coerce.number().positive().default(60),
  /** Transcoding jobs one worker runs at once: each ffmpeg run uses every core it gets. */
  VIDEO_TRANSCODE_CONCURRENCY: z.coerce.number().int().positive().default(1),
  /**
   * x264 preset of the ladder: slower presets look better at the same bitrate and cost more CPU. superfast keeps a
   * 1080p ladder near realtime on two cores: against veryfast, 31% less CPU for 0.27 dB less PSNR at 1080p and 0.30 dB
   * at 720p, the same bytes (a 12 s noisy 1080p30 source, docs/benchmarks.md 2026-12-07).
   */
  VIDEO_X264_PRESET: z.enum(["ultrafast", "superfast", "veryfast", "faster", "fast", "medium"]).default("superfast"),
  /** Transcoding scratch space (uploads in progress are in the store). Unset: video-work beside STORAGE_DIR. */
  VIDEO_WORK_DIR: optional,
  /** A viewer's views of one video count once per this many hours (Redis key with a TTL per viewer and video). */
  VIDEO_VIEW_WINDOW_HOURS: z.coerce.number().positive().default(6),
  /** The seed makes the demo videos (server/videos/demo/) with the demo accounts; npm test and the fault suite turn it off to spare their CPU. */
  VIDEO_DEMO_VIDEOS: flag(true),
  /** How often the worker adds the views buffered in Redis to Postgres (tests shorten it). */
  VIDEO_VIEW_FLUSH_MS: z.coerce.number().int().positive().default(5_000),
  /** Comments and replies per user. */
  RATE_LIMIT_VIDEO_COMMENT_POINTS: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_VIDEO_COMMENT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Likes, dislikes, subscriptions and reports per user. */
  RATE_LIMIT_VIDEO_ACTION_POINTS: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_VIDEO_ACTION_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  /** Ride requests per rider per window: each sends offers to drivers and counts toward the pickup cell's surge. */
  RATE_LIMIT_RIDE_REQUEST_POINTS: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_RIDE_REQUEST_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),

  // Payments (server/platform/payments): Stripe test mode when STRIPE_SECRET_KEY is set, else the built-in simulator
  STRIPE_SECRET_KEY: optional,
  /** Verifies webhook signatures: the endpoint's signing secret with STRIPE_SECRET_KEY, else the simulator's own key. */
  STRIPE_WEBHOOK_SECRET: secret(16),
  /** Where the simulator delivers its events. Unset: this app's /api/webhooks/stripe. */
  PAYMENTS_SIMULATOR_WEBHOOK_URL: z.url().optional(),

  // Shop (server/shop)
  SHOP_CURRENCY: z.string().length(3).default("usd"),
  /** How long a checkout session (and the stock it reserves) lives; Stripe allows 30 minutes to 24 hours. */
  SHOP_CHECKOUT_MINUTES: z.coerce.number().int().min(30).max(24 * 60).default(30),
  SHOP_CART_TTL_DAYS: z.coerce.number().int().positive().default(7),
  SHOP_SHIPPING_CENTS: z.coerce.number().int().min(0).default(499),
  /** Orders whose subtotal reaches this ship free. */
  SHOP_FREE_SHIPPING_FROM_CENTS: z.coerce.number().int().min(0).default(5000),
  /** A carrier's tracking page; `{number}` becomes the order's tracking number. */
  SHOP_TRACKING_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]*\{number\}[^\s]*$/, "SHOP_TRACKING_URL must be an http(s) URL containing {number}.")
    .default("https://parcelsapp.com/en/tracking/{number}"),
  /** Tax per shipping country in percent (VAT or sales tax), charged on subtotal − discount + shipping; countries not listed pay none. */
  SHOP_TAX_RATES: taxRates("US:0,DE:19,GB:20"),
  /** Checkouts started, per signed-in user or guest IP. */
  RATE_LIMIT_CHECKOUT_POINTS: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_CHECKOUT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Cart additions and changes, per signed-in user or guest IP. */
  RATE_LIMIT_CART_POINTS: z.coerce.number().int().positive().default(120),
  RATE_LIMIT_CART_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Discount code look-ups (checkout quotes and orders with a code), per signed-in user or guest IP: codes cannot be guessed by trying many. */
  RATE_LIMIT_DISCOUNT_CODE_POINTS: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_DISCOUNT_CODE_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
});

/** A bucket without credentials would fail on the first upload: refuse it at boot, naming what is missing. */
const S3_CREDENTIALS = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

const SettingsSchema = EnvSchema.superRefine((settings, ctx) => {
  if (settings.S3_BUCKET === undefined) return;
  for (const name of S3_CREDENTIALS) {
    if (settings[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: "must be set when S3_BUCKET is set" });
  }
}).transform((settings) => ({
  ...settings,
  DATABASE_URL: settings.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${settings.PG_PORT}/casebook`,
  REDIS_URL: settings.REDIS_URL ?? `redis://127.0.0.1:${settings.REDIS_PORT}`,
  /** True when `npm start` must run Postgres itself. */
  embeddedPostgres: settings.DATABASE_URL === undefined,
  /** True when `npm start` must run redis-server itself. */
  localRedis: settings.REDIS_URL === undefined,
  REQUIRE_EMAIL_VERIFICATION:
    settings.REQUIRE_EMAIL_VERIFICATION === undefined
      ? settings.SMTP_URL !== undefined
      : settings.REQUIRE_EMAIL_VERIFICATION === "true" || settings.REQUIRE_EMAIL_VERIFICATION === "1",
}));

export type Env = Omit<z.infer<typeof SettingsSchema>, SecretName> & Record<SecretName, string>;

function readEnv(): Env {
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  // A secret that is unset throws an error naming it when read; each process reads its own at boot (assertSecretsSet).
  const settings = { ...parsed.data };
  for (const name of SECRET_NAMES) {
    const value = parsed.data[name];
    Object.defineProperty(settings, name, {
      enumerable: false,
      get() {
        if (value === undefined) {
          throw new Error(`${name} is not set. \`npm start\` generates it under DATA_DIR; a deployment must set it (see .env.example).`);
        }
        return value;
      },
    });
  }
  return settings as Env;
}

/** Called at each process's boot (web, worker, gateway), so a missing secret stops it there and not mid-request. */
export function assertSecretsSet(): void {
  for (const name of SECRET_NAMES) void env[name];
}

export const env = readEnv();

export const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
export const storageDir = env.STORAGE_DIR ?? `${env.DATA_DIR}/storage`;
/** The S3-compatible bucket files go to, or null for the local disk under storageDir. */
export const s3Settings =
  env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
    ? {
        bucket: env.S3_BUCKET,
        endpoint: env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION}.amazonaws.com`,
        region: env.S3_REGION,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      }
    : null;
/** Scratch space of the video system: transcoding work, never served. */
export const videoWorkDir = env.VIDEO_WORK_DIR ?? `${storageDir}-video-work`;
