import type { PagePreview } from "@/server/platform/page-preview";
import { escapeHtml } from "./redirect-pages";

/**
 * The link unfurlers of the chat apps and social networks, by user agent. Only
 * links whose owner wrote their own card look at it, so a plain redirect never
 * pays for the match.
 */
const UNFURLERS =
  /facebookexternalhit|facebot|twitterbot|slackbot|linkedinbot|discordbot|whatsapp|telegrambot|skypeuripreview|pinterest|redditbot|embedly|iframely|mastodon|bluesky|cardyb|vkshare|tumblr|mattermost|rocket\.chat|snapchat|googlebot|bingbot|applebot/i;

export function isUnfurler(userAgent: string): boolean {
  return UNFURLERS.test(userAgent);
}

/**
 * What an unfurler gets for a link with the owner's card: its Open Graph and
 * Twitter tags, with the destination as og:url and a refresh to it (the card
 * shows the owner's words; a click still lands on the destination).
 */
export function crawlerCardPage(card: PagePreview, destination: string): string {
  const tag = (attribute: "property" | "name", key: string, value: string | null) => (value ? `<meta ${attribute}="${key}" content="${escapeHtml(value)}">` : "");
  const title = card.title ?? destination;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${tag("property", "og:title", title)}${tag("property", "og:description", card.description)}${tag("property", "og:image", card.image)}
<meta property="og:type" content="website">${tag("property", "og:url", destination)}
<meta name="twitter:card" content="${card.image ? "summary_large_image" : "summary"}">${tag("name", "twitter:title", title)}${tag("name", "twitter:description", card.description)}${tag("name", "twitter:image", card.image)}
${tag("name", "description", card.description)}<meta http-equiv="refresh" content="0;url=${escapeHtml(destination)}"></head>
<body><a href="${escapeHtml(destination)}">${escapeHtml(title)}</a></body></html>`;
}
