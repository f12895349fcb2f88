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
import { LeaveConversationInput, leaveConversation } from "./conversations/leave-conversation";
import { ListConversationsInput, listConversations } from "./conversations/list-conversations";
import { MarkDeliveredInput, markDelivered } from "./receipts/mark-delivered";
import { MarkReadInput, markRead } from "./receipts/mark-read";
import { RecordHeartbeatInput, recordHeartbeat } from "./presence/record-heartbeat";
import { RemoveMemberInput, removeMember } from "./conversations/remove-member";
import { RenameGroupInput, renameGroup } from "./conversations/rename-group";
import { SearchMessagesInput, searchMessages } from "./messages/search-messages";
import { SearchPeopleInput, searchPeople } from "./conversations/search-people";
import { SendMessageInput, sendMessage } from "./messages/send-message";
import { SetMutedInput, setMuted } from "./conversations/set-muted";
import { StartDirectConversationInput, startDirectConversation } from "./conversations/start-direct-conversation";
import { ToggleReactionInput, toggleReaction } from "./messages/toggle-reaction";

/**
 * The Chat API (tRPC, superjson: Dates arrive as Date). Every procedure needs a
 * signed-in user; anything about a conversation the caller is not an active
 * member of answers FORBIDDEN (403), whether or not it exists.
 *
 * Conversations
 * chat.list            query    { cursor?: string|null, limit?: 1..100 = 50 } → { items: ConversationSummary[], nextCursor: string|null }
 *                               (most recent activity first)
 * chat.get             query    { conversationId } → ConversationDetail
 * chat.startDirect     mutation { userId } → ConversationSummary   (idempotent: one DM per pair)
 * chat.createGroup     mutation { name: 1..80, memberIds: string[] (≤ 256) } → ConversationSummary   (creator is admin)
 * chat.renameGroup     mutation { conversationId, name } → { conversationId, name }                   (admins)
 * chat.addMembers      mutation { conversationId, userIds: string[] (1..256) } → { conversationId, added: string[] }  (admins)
 * chat.removeMember    mutation { conversationId, userId } → { conversationId, removed: string }    (admins)
 * chat.leave           mutation { conversationId } → { conversationId, left: true }  (groups only; BAD_REQUEST for DMs)
 * chat.setMuted        mutation { conversationId, muted } → { conversationId, muted }  (muted: no platform notifications)
 * chat.unreadCount     query    → { messages, conversations }  (unmuted conversations; for the title badge)
 * chat.searchPeople    query    { query: 1..100, limit?: 1..20 = 10 } → ChatUser[]
 *
 * Messages
 * chat.history         query    { conversationId, before?: seq, after?: seq, around?: seq, limit?: 1..50 = 30 } → HistoryPage
 *                               newest page by default; `before` pages up; `after` fills gaps / catches up after a
 *                               reconnect; `around` centres on a search hit. Messages ascending by seq.
 * chat.send            mutation { conversationId, clientId: [A-Za-z0-9_-]{1,64}, body, replyToId?: string|null,
 *                                 attachments?: AttachmentInput[] (≤ 10), socketId?: string } → MessageView
 *                               body: 1–4,000 characters after trim and ≤ 16 KB UTF-8 (empty allowed with attachments);
 *                               PAYLOAD_TOO_LARGE over the limits; RATE_LIMITED (details.retryAfterSeconds) past the
 *                               chat-send policy (120/min per user by default). Idempotent: resending the same clientId
 *                               returns the stored message (same id and seq) and publishes nothing new.
 *                               socketId: your pusher-js socket id; that connection does not get its own `message` event.
 * chat.edit            mutation { messageId, body } → MessageView        (own messages; NOT_FOUND once deleted)
 * chat.delete          mutation { messageId } → MessageDeletedEvent        (own; the seq stays as a tombstone)
 * chat.react           mutation { messageId, emoji (one grapheme) } → ReactionEvent   (toggles)
 * chat.markDelivered   mutation { items: { conversationId, seq }[] (1..100) } → { receipts: Receipt[] }
 *                               batched acks of the highest seq received; non-member items are skipped
 * chat.markRead        mutation { conversationId, seq } → Receipt   (read implies delivered; marks only move forward)
 * chat.search          query    { query: 1..200 (web-search syntax), conversationId?, cursor?, limit?: 1..50 = 20 }
 *                               → { results: MessageSearchResult[], nextCursor: string|null }   (newest first)
 *
 * Presence
 * chat.heartbeat       mutation { away?: boolean = false } → { at: Date }   (every 30 s while a tab is open)
 * chat.lastSeen        query    { userIds: string[] (1..200) } → { userId, status: "online"|"away"|"offline", lastSeenAt: Date|null }[]
 *                               (only for people sharing a conversation with the caller; others read offline/null)
 *
 * Shapes
 * ChatUser            { id, name, username: string|null, image: string|null }
 * ConversationSummary { id, kind: "dm"|"group", name (group name, or the other person's name), otherMember: ChatUser|null (DMs),
 *                       memberCount, memberPreview: ChatUser[] (≤ 4), role: "admin"|"member", muted, lastSeq, lastReadSeq,
 *                       lastDeliveredSeq, unreadCount (= lastSeq − lastReadSeq), lastActivityAt: Date, createdAt: Date,
 *                       lastMessage: { id, seq, senderId, senderName, preview (≤ 200 bytes), deleted, attachmentCount, createdAt } | null }
 * ConversationDetail  ConversationSummary & { members: { user: ChatUser, role, lastReadSeq, lastDeliveredSeq, joinedAt }[] }
 *                     Status of my message with seq s: delivered to a member when their lastDeliveredSeq ≥ s, read when
 *                     lastReadSeq ≥ s ("read by N" in groups). Keep it current from `receipt` events.
 * HistoryPage         { messages: MessageView[], hasOlder, hasNewer, lastSeq }
 * MessageView         { id, conversationId, seq, senderId, sender: ChatUser, clientId, body ("" when deleted),
 *                       replyTo: { id, seq, senderId, preview, deleted } | null, attachments: ChatAttachment[],
 *                       reactions: { emoji, count, userIds (≤ 20), mine }[], editedAt: Date|null, deletedAt: Date|null, createdAt: Date }
 * ChatAttachment      { key, name, size, contentType (sniffed), url, thumbKey?, thumbUrl?, width?, height? }
 * AttachmentInput     { key, name, thumbKey?, width?, height? }: pass back what POST /api/chat/attachments answered
 * Receipt             { conversationId, userId, lastDeliveredSeq, lastReadSeq }
 * MessageSearchResult { conversationId, conversationKind, conversationName: string|null (groups), messageId, seq,
 *                       senderId, senderName, snippet: { text, match: boolean }[], createdAt }
 *
 * Realtime (pusher-js; authorize through /api/realtime/auth, members only, checked on every subscribe)
 * private-chat-<conversationId>
 *   "message"              MessageEnvelope { conversationId, id, seq, senderId, senderName, clientId, preview (≤ 1 KB),
 *                          truncated, attachmentCount, replyToId, createdAt (ISO) }. Order by seq; on a gap (seq >
 *                          last + 1) or when truncated/attachmentCount > 0, fetch chat.history({ after: last }).
 *                          Events may arrive out of seq order under concurrent sends; they never skip a committed seq.
 *   "message-edited"       { conversationId, id, seq, preview, truncated, editedAt }
 *   "message-deleted"      { conversationId, id, seq, deletedAt }
 *   "reaction"             ReactionEvent { conversationId, messageId, seq, userId, emoji, added, reactions }
 *   "receipt"              Receipt
 *   "conversation-updated" { conversationId, change: "renamed"|"members-added"|"member-removed"|"member-left", name, userIds, byUserId }
 *   "client-typing"        a client event the UI sends itself (e.g. { userId, name }); the gateway relays it to the others
 * presence-chat-<conversationId>   who has the conversation open (members only; member info { name, image })
 * private-user-<userId> (your own)
 *   "chat.conversation-added"  { conversationId, kind, name? }: a new DM or group with you in it; subscribe to it
 *   "chat.removed"             { conversationId, byUserId }: you were removed; unsubscribe (re-subscribing is refused)
 *   "notification"             platform notifications of kind "chat.message" (DMs, one unread per conversation) and
 *                              "chat.mention" (@username), payload { conversationId, messageId, seq, senderId, senderName, preview, href }
 *
 * Sending (route handler, not tRPC: Chat's hot path; self-hosted it is answered before Next)
 * POST /api/chat/conversations/<conversationId>/messages   JSON body = chat.send's input without conversationId
 *   → 201 MessageView (dates as ISO strings). Same rules as chat.send: 401 signed out, 403 non-member,
 *   400 invalid / 413 too long (body > 4,000 characters or the request > 128 KB), 429 + Retry-After past chat-send,
 *   a resent clientId answers the stored message. The browser sends through it (components/chat/post-message.ts).
 *
 * Files (route handlers, not tRPC)
 * POST /api/chat/attachments?conversationId=…&name=…   raw bytes as the body (≤ CHAT_ATTACHMENT_MAX_BYTES, 25 MB)
 *   → 201 ChatAttachment (pass it to chat.send); type sniffed from the bytes; images get a ≤ 320 px WebP thumbnail.
 *   401 signed out, 403 non-member, 413 too large, 429 past the `upload` rate limit.
 * GET  /api/chat/files/<key>[?download=1&name=…]        (= attachment.url / thumbUrl) members only; Range supported
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
  react: protectedProcedure.input(ToggleReactionInput).mutation(({ ctx, input }) => toggleReaction({ db: ctx.db, userId: ctx.user.id, ...input })),
  markDelivered: protectedProcedure
    .input(MarkDeliveredInput)
    .mutation(({ ctx, input }) => markDelivered({ db: ctx.db, userId: ctx.user.id, items: input.items })),
  markRead: protectedProcedure.input(MarkReadInput).mutation(({ ctx, input }) => markRead({ db: ctx.db, userId: ctx.user.id, ...input })),
  search: protectedProcedure.input(SearchMessagesInput).query(({ ctx, input }) => searchMessages({ db: ctx.db, userId: ctx.user.id, input })),

  heartbeat: protectedProcedure
    .input(RecordHeartbeatInput)
    .mutation(({ ctx, input }) => recordHeartbeat({ redis: ctx.redis, userId: ctx.user.id, away: input.away })),
  lastSeen: protectedProcedure
    .input(GetLastSeenInput)
    .query(({ ctx, input }) => getLastSeen({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, userIds: input.userIds })),
});
