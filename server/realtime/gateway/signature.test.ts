import Pusher from "pusher";
import { describe, expect, it } from "vitest";
import { apiAuthProblem, verifyChannelAuth } from "./signature";

/** Our checks must accept exactly what the official SDK signs, and nothing it did not. */

const app = { id: "app-1", key: "key-1", secret: "secret-1" };
const sdk = new Pusher({ appId: app.id, key: app.key, secret: app.secret, host: "127.0.0.1", useTLS: false });
const now = () => Math.floor(Date.now() / 1000);

describe("channel authorization", () => {
  it("accepts the SDK's private and presence signatures", () => {
    const privateAuth = sdk.authorizeChannel("123.456", "private-room");
    expect(verifyChannelAuth(app, privateAuth.auth, "123.456", "private-room")).toBe(true);

    const presenceAuth = sdk.authorizeChannel("123.456", "presence-room", { user_id: "u1", user_info: { name: "Ann" } });
    expect(verifyChannelAuth(app, presenceAuth.auth, "123.456", "presence-room", presenceAuth.channel_data)).toBe(true);
  });

  it("rejects a signature for another socket, channel, key or secret", () => {
    const { auth } = sdk.authorizeChannel("123.456", "private-room");
    expect(verifyChannelAuth(app, auth, "123.457", "private-room")).toBe(false);
    expect(verifyChannelAuth(app, auth, "123.456", "private-other")).toBe(false);
    expect(verifyChannelAuth({ key: "key-2", secret: app.secret }, auth, "123.456", "private-room")).toBe(false);
    expect(verifyChannelAuth({ key: app.key, secret: "other" }, auth, "123.456", "private-room")).toBe(false);
    expect(verifyChannelAuth(app, `${app.key}:short`, "123.456", "private-room")).toBe(false);
    expect(verifyChannelAuth(app, undefined, "123.456", "private-room")).toBe(false);
  });
});

describe("HTTP API requests", () => {
  const path = `/apps/${app.id}/channels`;

  it("accepts what the SDK signs, including parameters with commas", () => {
    const query = sdk.createSignedQueryString({ method: "GET", path, params: { info: "user_count,subscription_count", filter_by_prefix: "presence-" } });
    const problem = apiAuthProblem(app, { method: "GET", path, query: new URLSearchParams(query), body: Buffer.alloc(0), nowSeconds: now() });
    expect(problem).toBeNull();
  });

  it("accepts a signed body and refuses a swapped one", () => {
    const body = JSON.stringify({ name: "e", data: "{}", channel: "c" });
    const query = new URLSearchParams(sdk.createSignedQueryString({ method: "POST", path: `/apps/${app.id}/events`, body }));
    const request = { method: "POST", path: `/apps/${app.id}/events`, query, nowSeconds: now() };

    expect(apiAuthProblem(app, { ...request, body: Buffer.from(body) })).toBeNull();
    expect(apiAuthProblem(app, { ...request, body: Buffer.from(body.replace('"c"', '"d"')) })).toMatch(/body_md5/);
  });

  it("refuses a changed parameter, a wrong method, or a stale timestamp", () => {
    const query = sdk.createSignedQueryString({ method: "GET", path, params: { filter_by_prefix: "presence-" } });
    const tampered = new URLSearchParams(query);
    tampered.set("filter_by_prefix", "private-");
    const check = (method: string, params: URLSearchParams, nowSeconds = now()) =>
      apiAuthProblem(app, { method, path, query: params, body: Buffer.alloc(0), nowSeconds });

    expect(check("GET", tampered)).toMatch(/^Invalid signature/);
    expect(check("POST", new URLSearchParams(query))).toMatch(/^Invalid signature/);
    expect(check("GET", new URLSearchParams(query), now() + 601)).toMatch(/^Timestamp expired/);
    expect(check("GET", new URLSearchParams(query), now() + 599)).toBeNull();
  });
});
