/** Material for the generated Feed accounts and their posts (server/feed/demo/seed-demo-feed.ts). */
export const FIRST_NAMES = [
  "Ada", "Ben", "Chloe", "Dmitri", "Elena", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya",
  "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Ximena", "Yuki", "Zane",
];
export const LAST_NAMES = [
  "Abbott", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Khan", "Lopez", "Moreau", "Novak",
  "Okoro", "Petrov", "Quispe", "Rossi", "Silva", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhou",
];

export const TOPICS = ["casebook", "coffee", "running", "typescript", "cooking", "photography", "music", "books", "cycling", "gardening"];

/** `{topic}` is a hashtag's word; the trending tag of the demo is #casebook, used by many authors. */
export const POST_TEMPLATES = [
  "Morning thought: small steps every day beat big plans once a year. #{topic}",
  "Just finished a long weekend project. Photos later! #{topic}",
  "Hot take: the best tools are the ones you forget you are using. #{topic}",
  "Anyone else up this early? ☕ #{topic}",
  "Reading list for the week is ready. Recommendations welcome #{topic}",
  "Tried something new today and it actually worked 🎉 #{topic}",
  "Three things I learned this month, a thread 🧵 #{topic}",
  "Weather is perfect for getting outside. Going now! #{topic}",
  "Wrote up my notes: https://example.com/notes #{topic}",
  "If you are new here: say hi, I follow back people who post about #{topic}",
  "Trying out Casebook's feed. The new-posts pill is neat. #casebook",
  "Quiet day. Sometimes that is the best kind. #{topic}",
];

export const REPLY_TEMPLATES = ["Totally agree!", "Love this 👏", "Interesting, tell me more?", "Same here.", "Great point.", "Saving this for later 🔖", "Ha, this made my day."];
