import { describe, expect, it } from "vitest";
import type { MessageView } from "./chat-types";
import { reviveMessage, type WireMessage } from "./wire-message";

describe("reviveMessage", () => {
  it("gives back every date of a message that went through JSON (the plain chat routes' answers)", () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 11, minute));
    const view: MessageView = {
      id: "m1",
      conversationId: "c1",
      seq: 1,
      senderId: "u1",
      sender: { id: "u1", name: "Ada", username: "ada", image: null },
      clientId: "client-1",
      body: "Who brings the tent?",
      replyTo: null,
      attachments: [],
      reactions: [],
      pinned: false,
      threadReplyCount: 2,
      threadLastReplyAt: at(3),
      linkPreview: null,
      editedAt: at(2),
      deletedAt: at(4),
      createdAt: at(1),
    };
    const wire = JSON.parse(JSON.stringify(view)) as WireMessage;
    expect(reviveMessage(wire)).toEqual(view);
    expect(reviveMessage({ ...wire, threadLastReplyAt: null, editedAt: null, deletedAt: null })).toMatchObject({ threadLastReplyAt: null, editedAt: null, deletedAt: null });
  });
});
