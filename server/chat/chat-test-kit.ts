import { randomUUID } from "node:crypto";
import { createTestUser } from "@/server/accounts/test-users";
import { startGatewayForApp, type TestGateway } from "@/server/realtime/gateway/gateway-test-kit";

/**
 * The Chat tests' stack: a real gateway on a free port, the run's Postgres and
 * Redis, and the chat operations loaded only after PUSHER_* point at that
 * gateway (env.ts reads the environment once, at first import).
 */
export async function startChatStack(extraEnv: Record<string, string> = {}) {
  // REALTIME_PUBLISH_VIA stays "auto": this gateway is registered in the run's Redis, so events go onto its topics, as in production.
  const target: TestGateway = await startGatewayForApp(extraEnv);
  const [
    { db },
    { redis },
    { storage },
    { sendMessage, SendMessageInput },
    { startDirectConversation },
    { createGroup },
    { addMembers },
    { removeMember },
    { leaveConversation },
    { getHistory, GetHistoryInput },
    { listConversations, ListConversationsInput },
    { getConversation },
    { markDelivered },
    { markRead },
    { searchMessages, SearchMessagesInput },
    { editMessage },
    { deleteMessage },
    { toggleReaction, ToggleReactionInput },
    { renameGroup },
  ] = await Promise.all([
    import("@/server/platform/db"),
    import("@/server/platform/redis"),
    import("@/server/platform/storage"),
    import("./messages/send-message"),
    import("./conversations/start-direct-conversation"),
    import("./conversations/create-group"),
    import("./conversations/add-members"),
    import("./conversations/remove-member"),
    import("./conversations/leave-conversation"),
    import("./messages/get-history"),
    import("./conversations/list-conversations"),
    import("./conversations/get-conversation"),
    import("./receipts/mark-delivered"),
    import("./receipts/mark-read"),
    import("./messages/search-messages"),
    import("./messages/edit-message"),
    import("./messages/delete-message"),
    import("./messages/toggle-reaction"),
    import("./conversations/rename-group"),
  ]);

  const newUser = (username?: string) => createTestUser(db, username ? { username, name: username[0]?.toUpperCase() + username.slice(1) } : {});

  /** Sends as `senderId` with a fresh client id unless one is given; notifications are awaited, not detached. */
  const send = async (senderId: string, conversationId: string, body: string, extra: { clientId?: string; replyToId?: string } = {}) => {
    const pending: Array<Promise<void>> = [];
    const message = await sendMessage({
      db,
      storage,
      senderId,
      input: SendMessageInput.parse({ conversationId, clientId: extra.clientId ?? randomUUID(), body, replyToId: extra.replyToId }),
      defer: (task) => pending.push(task()),
    });
    await Promise.all(pending);
    return message;
  };

  return {
    target,
    db,
    redis,
    storage,
    newUser,
    send,
    sendMessage,
    SendMessageInput,
    startDirectConversation,
    createGroup,
    addMembers,
    removeMember,
    leaveConversation,
    getHistory,
    GetHistoryInput,
    listConversations,
    ListConversationsInput,
    getConversation,
    markDelivered,
    markRead,
    searchMessages,
    SearchMessagesInput,
    editMessage,
    deleteMessage,
    toggleReaction,
    ToggleReactionInput,
    renameGroup,
  };
}

export type ChatStack = Awaited<ReturnType<typeof startChatStack>>;
