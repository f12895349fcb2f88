import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The client/server boundary. Browser code (components/) may import from
 * server/ only types, or the modules listed here: pure constants and zod
 * schemas shared by a form and the operation that checks it. Those modules in
 * turn import nothing from the server but types, so listing one cannot pull
 * the database, Redis or a secret into the browser bundle.
 */
const CLIENT_SAFE_SERVER_MODULES = [
  "server/accounts/password-rules",
  "server/accounts/username",
  "server/chat/chat-channels",
  "server/chat/link-previews/first-link",
  "server/feed/feed-channels",
  "server/feed/media/post-image-limits",
  "server/feed/posts/post-text",
  "server/links/manage/bulk-limits",
  "server/platform/notification-view",
  "server/platform/realtime-channels",
  "server/rides/demo-city/city",
  "server/rides/demo-city/geo",
  "server/rides/demo-city/places",
  "server/rides/demo-city/roads",
  "server/rides/pricing/fare",
  "server/rides/rides-channels",
  "server/rides/trips/trip-states",
  "server/shop/admin-products/product-fields",
  "server/shop/cart/cart-limits",
  "server/shop/catalog/search-options",
  "server/shop/checkout/shipping-address",
  "server/shop/checkout/tax-rate-label",
  "server/shop/discounts/discount-rules",
  "server/shop/orders/order-events",
  "server/shop/orders/tracking-number",
  "server/shop/reviews/review-limits",
  "server/shop/variants/variant-rules",
  "server/videos/comments/comment-limits",
  "server/videos/search/search-options",
  "server/videos/video-channels",
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    // Server components' helpers (they start with `import "server-only"`) and tests run on the server.
    ignores: ["components/**/*.test.ts", "components/trpc/server.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^@/server/(?!(${CLIENT_SAFE_SERVER_MODULES.map((module) => module.slice("server/".length)).join("|")})$)`,
              allowTypeImports: true,
              message: "Browser code imports only types from server/, or a module listed as client-safe in eslint.config.mjs.",
            },
          ],
        },
      ],
    },
  },
  {
    files: CLIENT_SAFE_SERVER_MODULES.map((module) => `${module}.ts`),
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "node:*"],
              allowTypeImports: true,
              message: "A client-safe module (eslint.config.mjs) imports only types from the server, so the browser never loads server code.",
            },
          ],
        },
      ],
    },
  },
  // public/rides/maplibre-gl-worker.js is maplibre-gl's own worker, copied by npm run rides:basemap (not our code).
  { ignores: [".next/**", ".next-test/**", "node_modules/**", ".data/**", "server/generated/**", "public/rides/maplibre-gl-worker.js", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
