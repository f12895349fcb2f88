import { describe, expect, it } from "vitest";
import { describeNotification } from "./notification-kinds";

describe("describeNotification", () => {
  it("renders known kinds from their payload", () => {
    expect(describeNotification({ kind: "welcome", payload: {} })).toMatchObject({ title: "Welcome to Casebook", href: "/" });
    expect(describeNotification({ kind: "link.milestone", payload: { code: "abc1234", clicks: 10000 } })).toEqual({
      title: "Your link abc1234 reached 10,000 clicks",
      href: "/links/abc1234",
    });
    expect(describeNotification({ kind: "link.milestone", payload: {} }).title).toBe("Your link reached more clicks");
    expect(describeNotification({ kind: "shop.order-status", payload: { orderId: "o1", number: 1042, status: "shipped" } })).toEqual({
      title: "Order #1042 has shipped",
      href: "/shop/orders/o1",
    });
    expect(describeNotification({ kind: "chat.mention", payload: { senderName: "Bob", preview: "hi @carol" } })).toEqual({
      title: "Bob mentioned you",
      body: "hi @carol",
      href: "/chat",
    });
    expect(describeNotification({ kind: "chat.thread-reply", payload: { senderName: "Bob", preview: "Agreed", conversationId: "c1" } })).toEqual({
      title: "Bob replied in your thread",
      body: "Agreed",
      href: "/chat",
      about: "/chat/c1",
    });
    // Chat notifications name the conversation's page, where no toast is needed.
    expect(describeNotification({ kind: "chat.message", payload: { senderName: "Bob", conversationId: "c1", seq: 3 } }).about).toBe("/chat/c1");
  });

  it("names who acted on a Feed post, and links to the post or the person", () => {
    expect(describeNotification({ kind: "feed.like", payload: { actorName: "Bob Okafor", postId: "42" } })).toEqual({ title: "Bob Okafor liked your post", href: "/feed/posts/42" });
    expect(describeNotification({ kind: "feed.reply", payload: { actorName: "Bob", postId: "43", preview: "Agreed" } })).toEqual({
      title: "Bob replied to your post",
      body: "Agreed",
      href: "/feed/posts/43",
    });
    expect(describeNotification({ kind: "feed.follow", payload: { actorName: "Bob", actorUsername: "bob" } })).toEqual({ title: "Bob followed you", href: "/feed/u/bob" });
    expect(describeNotification({ kind: "feed.like", payload: { postId: "../x" } })).toEqual({ title: "Someone liked your post", href: "/feed" });
  });

  it("shows unknown kinds from payload title/body, or their humanized name", () => {
    expect(describeNotification({ kind: "e2e.ping", payload: { title: "Ping", body: "Hello" } })).toEqual({ title: "Ping", body: "Hello" });
    expect(describeNotification({ kind: "build.finished_ok", payload: { title: 42 } })).toEqual({ title: "Build finished ok" });
  });

  it("follows payload links only within the site", () => {
    expect(describeNotification({ kind: "x", payload: { href: "/chat/c1" } }).href).toBe("/chat/c1");
    for (const href of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)"]) {
      expect(describeNotification({ kind: "x", payload: { href } }).href).toBeUndefined();
    }
    expect(describeNotification({ kind: "welcome", payload: { href: "https://evil.example" } }).href).toBe("/");
  });
});
