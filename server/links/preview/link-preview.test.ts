import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { processors } from "@/server/jobs/processors";
import { db } from "@/server/platform/db";
import { fetchPagePreview } from "@/server/platform/page-preview";
import { redis } from "@/server/platform/redis";
import { DESKTOP_UA, signedInCaller, uniqueAlias } from "../links-test-kit";
import { UpdateLinkInput } from "../manage/update-link";
import { getLinkCache } from "../redirect/link-cache";
import { resolveRedirect } from "../redirect/resolve-redirect";
import { refreshLinkPreview } from "./refresh-link-preview";

/** A destination page on a real local server; the worker's fetch is the real one, allowed to reach loopback here. */
let served = 0;
const serveDestination: http.RequestListener = (_request, response) => {
  served += 1;
  response.writeHead(200, { "Content-Type": "text/html" });
  response.end('<head><meta property="og:title" content="The destination"><meta property="og:description" content="What it says about itself."></head>');
};
let server: LocalHttpServer;
let destination = "";
const fetchLoopback = (url: string) => fetchPagePreview(url, { allowPrivate: true });
const SLACK_UA = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

beforeAll(async () => {
  server = await listenLocally(serveDestination);
  destination = `${server.base}/page`;
});

afterAll(async () => {
  await server.close();
  await getLinkCache({ db, redis }).close();
  redis.disconnect();
  await db.$disconnect();
});

const visit = (code: string, userAgent: string, method = "GET") =>
  resolveRedirect(getLinkCache({ db, redis }), { method, code, search: "?ref=x", ip: "203.0.113.9", userAgent, referer: "" });

describe("link previews", () => {
  it("stores the destination's own card, read by the worker's job", async () => {
    const { caller } = await signedInCaller();
    const link = await caller.links.create({ url: destination, customAlias: uniqueAlias("pv") });
    expect(link.preview).toEqual({ title: null, description: null, image: null, custom: false });
    await refreshLinkPreview({ db, linkId: link.id, fetchPreview: fetchLoopback });
    const [stored] = (await caller.links.list({})).items.filter((item) => item.id === link.id);
    expect(stored?.preview).toEqual({ title: "The destination", description: "What it says about itself.", image: null, custom: false });
  });

  it("the worker's job, as configured by default, reads no page on this network", async () => {
    const { caller } = await signedInCaller();
    const link = await caller.links.create({ url: destination, customAlias: uniqueAlias("pv") });
    const before = served;
    await processors["links-preview"]({ linkId: link.id }, { timestamp: Date.now() });
    expect(served).toBe(before);
    expect((await db.link.findUniqueOrThrow({ where: { id: link.id } })).previewTitle).toBeNull();
  });

  it("never overwrites the owner's card, nor writes a card read from a destination the link has left", async () => {
    const { caller } = await signedInCaller();
    const link = await caller.links.create({ url: destination, customAlias: uniqueAlias("pv") });
    await caller.links.update({ code: link.code, previewCustom: true, previewTitle: "Mine", previewDescription: "", previewImage: "https://cdn.example/card.png" });
    await refreshLinkPreview({ db, linkId: link.id, fetchPreview: fetchLoopback });
    expect((await db.link.findUniqueOrThrow({ where: { id: link.id } })).previewTitle).toBe("Mine");

    const other = await caller.links.create({ url: destination, customAlias: uniqueAlias("pv") });
    await refreshLinkPreview({
      db,
      linkId: other.id,
      fetchPreview: async (url) => {
        await caller.links.update({ code: other.code, url: "https://example.com/elsewhere" });
        return fetchLoopback(url);
      },
    });
    expect((await db.link.findUniqueOrThrow({ where: { id: other.id } })).previewTitle).toBeNull();
  });

  it("serves the owner's card to link unfurlers, and redirects everyone else", async () => {
    const { caller } = await signedInCaller();
    const link = await caller.links.create({ url: "https://example.com/launch", customAlias: uniqueAlias("pv") });
    expect((await visit(link.code, SLACK_UA)).status).toBe(302);

    await caller.links.update({ code: link.code, previewCustom: true, previewTitle: 'Launch "day"', previewDescription: "Join us <live>", previewImage: "https://cdn.example/launch.png" });
    const card = await visit(link.code, SLACK_UA);
    expect(card.status).toBe(200);
    expect(card.body).toContain('<meta property="og:title" content="Launch &#34;day&#34;">');
    expect(card.body).toContain('<meta property="og:description" content="Join us &#60;live&#62;">');
    expect(card.body).toContain('<meta property="og:image" content="https://cdn.example/launch.png">');
    expect(card.body).toContain('<meta property="og:url" content="https://example.com/launch?ref=x">');
    expect(card.click?.linkId).toBe(link.id);
    expect((await visit(link.code, SLACK_UA, "HEAD")).click).toBeUndefined();

    const browser = await visit(link.code, DESKTOP_UA);
    expect(browser.status).toBe(302);
    expect(browser.headers.Location).toBe("https://example.com/launch?ref=x");

    await caller.links.update({ code: link.code, previewCustom: false });
    expect((await visit(link.code, SLACK_UA)).status).toBe(302);
  });

  it("names the card's limits", async () => {
    const { caller } = await signedInCaller();
    const link = await caller.links.create({ url: "https://example.com/", customAlias: uniqueAlias("pv") });
    await expect(caller.links.update({ code: link.code, previewCustom: true, previewImage: "javascript:alert(1)" })).rejects.toMatchObject({
      message: "The card image must be a web address starting with https://.",
    });
    expect(UpdateLinkInput.safeParse({ code: "x", previewTitle: "t".repeat(201) }).error?.issues[0]?.message).toBe("Card titles have at most 200 characters.");
    expect(UpdateLinkInput.safeParse({ code: "x", previewDescription: "d".repeat(501) }).error?.issues[0]?.message).toBe("Card descriptions have at most 500 characters.");
  });
});
