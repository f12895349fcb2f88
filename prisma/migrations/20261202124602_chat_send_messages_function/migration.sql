-- Stores a batch of new chat messages in one round trip and one commit (server/chat/insert-messages.ts).
--
-- `batch` is a JSON array of {ord, id, conversationId, senderId, clientId, body, replyToId, attachments}.
-- One row comes back per element, tagged with its `ord`:
--   outcome 'inserted'   the message got `seq` (lastSeq + 1 of its conversation), with the sender's name,
--                        username and image, and whether a DM notification is due (`notifyDm`);
--   outcome 'duplicate'  this sender already stored this clientId in this conversation (a retry);
--   outcome 'not-member' no such conversation, or the sender is not (or no longer) a member.
--
-- Each conversation's row is locked before its checks, so membership and the client id cannot change
-- between the check and the insert, and seqs have no gaps. Elements are taken in conversation-id order,
-- so two batches that touch the same conversations lock them in the same order and cannot deadlock.
-- PL/pgSQL caches the plans of these statements per connection.
CREATE FUNCTION chat_send_messages(batch jsonb)
RETURNS TABLE (ord integer, outcome text, seq integer, "createdAt" timestamp(3), "notifyDm" boolean, name text, username text, image text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  item record;
  conversation_kind text;
BEGIN
  FOR item IN
    SELECT * FROM jsonb_to_recordset(batch)
      AS x(ord integer, id text, "conversationId" text, "senderId" text, "clientId" text, body text, "replyToId" text, attachments jsonb)
     ORDER BY x."conversationId", x.ord
  LOOP
    ord := item.ord;
    seq := NULL; "createdAt" := NULL; "notifyDm" := NULL; name := NULL; username := NULL; image := NULL;

    SELECT c."kind"::text INTO conversation_kind FROM "chat_conversation" c WHERE c."id" = item."conversationId" FOR UPDATE;
    IF conversation_kind IS NULL OR NOT EXISTS (
      SELECT 1 FROM "chat_member" m
       WHERE m."conversationId" = item."conversationId" AND m."userId" = item."senderId" AND m."leftAt" IS NULL
    ) THEN
      outcome := 'not-member';
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF EXISTS (
      SELECT 1 FROM "chat_message" d
       WHERE d."conversationId" = item."conversationId" AND d."senderId" = item."senderId" AND d."clientId" = item."clientId"
    ) THEN
      outcome := 'duplicate';
      RETURN NEXT;
      CONTINUE;
    END IF;

    UPDATE "chat_conversation" c
       SET "lastSeq" = c."lastSeq" + 1,
           "lastMessageAt" = (now() AT TIME ZONE 'UTC'),
           "lastActivityAt" = (now() AT TIME ZONE 'UTC')
     WHERE c."id" = item."conversationId"
    RETURNING c."lastSeq" INTO seq;
    INSERT INTO "chat_message" AS m ("id", "conversationId", "seq", "senderId", "clientId", "body", "replyToId", "attachments", "createdAt")
    VALUES (item.id, item."conversationId", seq, item."senderId", item."clientId", item.body, item."replyToId", item.attachments, (now() AT TIME ZONE 'UTC'))
    RETURNING m."createdAt" INTO "createdAt";
    SELECT u."name", u."username", u."image" INTO name, username, image FROM "user" u WHERE u."id" = item."senderId";
    -- A DM notifies its recipient only while they have no unread notification for this conversation.
    "notifyDm" := conversation_kind = 'dm' AND EXISTS (
      SELECT 1 FROM "chat_member" o
       WHERE o."conversationId" = item."conversationId" AND o."userId" <> item."senderId" AND o."leftAt" IS NULL AND NOT o."muted"
         AND NOT EXISTS (
           SELECT 1 FROM "notification" n
            WHERE n."userId" = o."userId" AND n."kind" = 'chat.message' AND n."readAt" IS NULL
              AND n."payload"->>'conversationId' = item."conversationId"
         )
    );
    outcome := 'inserted';
    RETURN NEXT;
  END LOOP;
END
$$;
