import { storage } from "@/server/platform/storage";
import { protectedProcedure, router } from "@/server/trpc/init";
import { AddMembersInput, addMembers } from "./conversations/add-members";
import { countUnread } from "./receipts/count-unread";
import { CreateGroupInput, createGroup } from "./conversations/create-group";
import { deferAfterResponse } from "./messages/defer-after-response";
import { DeleteMessageInput, deleteMessage } from "./messages/delete-message";
import { EditMessageInput, editMessage } from "./messages/edit-message";
import { GetConversationInput, getConversation } from "./conversations/get-conversation";
import { GetHistoryInput, getHistory } from "./messages/get-history";
import { GetLastSeenInput, getLastSeen } from "./presence/get-last-seen";
import { GetThreadInput, getThread } from "./threads/get-thread";
import { ReplyInThreadInput, replyInThread } from "./threads/reply-in-thread";
import { ListPinnedMessagesInput, listPinnedMessages } from "./messages/list-pinned-messages";
import { LeaveConversationInput, leaveConversation } from "./conversations/leave-conversation";
import { ListConversationsInput, listConversations } from "./conversations/list-conversations";
import { MarkDeliveredInput, markDelivered } from "./receipts/mark-delivered";
import { MarkReadInput, markRead } from "./receipts/mark-read";
import { MarkThreadReadInput, markThreadNotificationsRead } from "./receipts/mark-thread-notifications-read";
import { RecordHeartbeatInput, recordHeartbeat } from "./presence/record-heartbeat";
import { RemoveMemberInput, removeMember } from "./conversations/remove-member";
import { RenameGroupInput, renameGroup } from "./conversations/rename-group";
import { SearchMessagesInput, searchMessages } from "./messages/search-messages";
import { SearchPeopleInput, searchPeople } from "./conversations/search-people";
import { SendMessageInput, sendMessage } from "./messages/send-message";
import { SetMutedInput, setMuted } from "./conversations/set-muted";
import { SetPinnedInput, setPinned } from "./messages/set-pinned";
import { StartDirectConversationInput, startDirectConversation } from "./conversations/start-direct-conversation";
import { ToggleReactionInput, toggleReaction } from "./messages/toggle-reaction";

/**
 * The Chat API (tRPC, superjson: Dates arrive as Date). Every procedure needs a
 * signed-in user; anything about a conversation the caller is not an active
 * member of answers FORBIDDEN (403), whether or not it exists.
 *
 * The contract is in code: inputs are the zod schemas imported here, outputs
 * the operations' return types (the browser reads them through
 * inferRouterOutputs in components/chat/chat-types.ts), rules on each
 * operation. Realtime channels and events: ./chat-channels.ts, payload types
 * next to their publishers. Sends, history catch-up and files also have plain
 * routes (rows of server/web/routes.ts: messages/send-message-route.ts,
 * messages/history-route.ts, attachments/).
 */
export const chatRouter = router({
  list: protectedProcedure.input(ListConversationsInput).query(({ ctx, input }) => listConversations({ db: ctx.db, userId: ctx.user.id, input })),
  get: protectedProcedure
    .input(GetConversationInput)
    .query(({ ctx, input }) => getConversation({ db: ctx.db, userId: ctx.user.id, conversationId: input.conversationId })),
  startDirect: protectedProcedure
    .input(StartDirectConversationInput)
    .mutation(({ ctx, input }) => startDirectConversation({ db: ctx.db, userId: ctx.user.id, otherUserId: input.userId })),
  createGroup: protectedProcedure.input(CreateGroupInput).mutation(({ ctx, input }) => createGroup({ db: ctx.db, userId: ctx.user.id, ...input })),
  renameGroup: protectedProcedure.input(RenameGroupInput).mutation(({ ctx, input }) => renameGroup({ db: ctx.db, userId: ctx.user.id, ...input })),
  addMembers: protectedProcedure.input(AddMembersInput).mutation(({ ctx, input }) => addMembers({ db: ctx.db, userId: ctx.user.id, ...input })),
  removeMember: protectedProcedure
    .input(RemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember({ db: ctx.db, userId: ctx.user.id, conversationId: input.conversationId, memberId: input.userId })),
  leave: protectedProcedure.input(LeaveConversationInput).mutation(({ ctx, input }) => leaveConversation({ db: ctx.db, userId: ctx.user.id, ...input })),
  setMuted: protectedProcedure.input(SetMutedInput).mutation(({ ctx, input }) => setMuted({ db: ctx.db, userId: ctx.user.id, ...input })),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnread({ db: ctx.db, userId: ctx.user.id })),
  searchPeople: protectedProcedure.input(SearchPeopleInput).query(({ ctx, input }) => searchPeople({ db: ctx.db, userId: ctx.user.id, ...input })),

  history: protectedProcedure.input(GetHistoryInput).query(({ ctx, input }) => getHistory({ db: ctx.db, userId: ctx.user.id, input })),
  send: protectedProcedure
    .input(SendMessageInput)
    .mutation(({ ctx, input }) => sendMessage({ db: ctx.db, storage, senderId: ctx.user.id, input, defer: deferAfterResponse })),
  edit: protectedProcedure.input(EditMessageInput).mutation(({ ctx, input }) => editMessage({ db: ctx.db, userId: ctx.user.id, ...input })),
  delete: protectedProcedure
    .input(DeleteMessageInput)
    .mutation(({ ctx, input }) => deleteMessage({ db: ctx.db, storage, userId: ctx.user.id, messageId: input.messageId })),
  pin: protectedProcedure.input(SetPinnedInput).mutation(({ ctx, input }) => setPinned({ db: ctx.db, userId: ctx.user.id, ...input })),
  pinned: protectedProcedure
    .input(ListPinnedMessagesInput)
    .query(({ ctx, input }) => listPinnedMessages({ db: ctx.db, userId: ctx.user.id, conversationId: input.conversationId })),
  thread: protectedProcedure.input(GetThreadInput).query(({ ctx, input }) => getThread({ db: ctx.db, userId: ctx.user.id, messageId: input.messageId })),
  replyInThread: protectedProcedure
    .input(ReplyInThreadInput)
    .mutation(({ ctx, input }) => replyInThread({ db: ctx.db, senderId: ctx.user.id, input, defer: deferAfterResponse })),
  react: protectedProcedure.input(ToggleReactionInput).mutation(({ ctx, input }) => toggleReaction({ db: ctx.db, userId: ctx.user.id, ...input })),
  markDelivered: protectedProcedure
    .input(MarkDeliveredInput)
    .mutation(({ ctx, input }) => markDelivered({ db: ctx.db, userId: ctx.user.id, items: input.items })),
  markRead: protectedProcedure.input(MarkReadInput).mutation(({ ctx, input }) => markRead({ db: ctx.db, userId: ctx.user.id, ...input })),
  markThreadRead: protectedProcedure
    .input(MarkThreadReadInput)
    .mutation(({ ctx, input }) => markThreadNotificationsRead({ db: ctx.db, userId: ctx.user.id, messageId: input.messageId })),
  search: protectedProcedure.input(SearchMessagesInput).query(({ ctx, input }) => searchMessages({ db: ctx.db, userId: ctx.user.id, input })),

  heartbeat: protectedProcedure
    .input(RecordHeartbeatInput)
    .mutation(({ ctx, input }) => recordHeartbeat({ redis: ctx.redis, userId: ctx.user.id, away: input.away })),
  lastSeen: protectedProcedure
    .input(GetLastSeenInput)
    .query(({ ctx, input }) => getLastSeen({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, userIds: input.userIds })),
});
