import type { CreateLinkInput } from "../manage/create-link";

/** One demo link: who owns it, what it is, and how many clicks its last four weeks had. */
export type DemoLink = { owner: string; clicks: number; input: CreateLinkInput & { customAlias: string } };

const UTM = "utm_source=newsletter&utm_medium=email&utm_campaign=spring";

export const DEMO_LINKS: readonly DemoLink[] = [
  { owner: "alice", clicks: 1_400, input: { customAlias: "spring-sale", url: `https://shop.example.com/collections/spring?${UTM}`, title: "Spring sale", tags: ["marketing", "newsletter"] } },
  { owner: "alice", clicks: 620, input: { customAlias: "casebook-docs", url: "https://github.com/casebook-dev/casebook#readme", title: "Casebook on GitHub", tags: ["docs"] } },
  {
    owner: "alice",
    clicks: 380,
    input: {
      customAlias: "get-the-app",
      url: "https://casebook.example/app",
      title: "Get the app",
      tags: ["mobile"],
      targeting: {
        iosUrl: "https://apps.apple.com/app/id0000000001",
        androidUrl: "https://play.google.com/store/apps/details?id=dev.casebook",
        countries: [{ country: "DE", url: "https://casebook.example/de/app" }],
      },
    },
  },
  { owner: "alice", clicks: 150, input: { customAlias: "team-offsite", url: "https://docs.example.com/offsite-2027/agenda", title: "Offsite agenda", tags: ["internal"], password: "offsite-2027" } },
  { owner: "alice", clicks: 0, input: { customAlias: "winter-webinar", url: "https://events.example.com/winter-webinar", title: "Winter webinar (not announced yet)", tags: ["marketing"] } },
  { owner: "bob", clicks: 240, input: { customAlias: "bobs-talk", url: "https://slides.example.com/bob/scaling-chat", title: "Scaling chat: the slides", tags: ["talks"] } },
];

/** Public addresses the country database places (US, GB, DE, JP, BR, AU, IN, SE, ZA), weighted by repetition. */
export const VISITOR_NETWORKS = ["8.8.8", "8.8.8", "8.8.8", "81.2.69", "81.2.69", "5.9.0", "5.9.0", "133.242.0", "2.16.0", "1.128.0", "49.44.0", "80.67.0", "41.0.0"] as const;

export const VISITOR_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
] as const;

export const VISITOR_REFERRERS = ["", "", "", "https://t.co/x", "https://news.ycombinator.com/item?id=1", "https://www.google.com/", "https://www.linkedin.com/feed/", "https://mail.example.com/"] as const;
