import { z } from "zod";
import { AppError } from "@/server/errors";
import { Prisma, type ConversationKind } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";

export const SearchMessagesInput = z.object({
  /** Web-search syntax: words, "quoted phrases", -excluded, or. */
  query: z.string().trim().min(1).max(200),
  /** Search one conversation only. */
  conversationId: z.string().min(1).max(64).optional(),
  /** Only messages by this person. */
  senderId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

/** A snippet in pieces: render `match` parts highlighted (no HTML is ever produced). */
export type SnippetPart = { text: string; match: boolean };

export type MessageSearchResult = {
  conversationId: string;
  conversationKind: ConversationKind;
  /** The group's name; null for DMs (name them from the conversation list). */
  conversationName: string | null;
  messageId: string;
  /** Open the conversation with chat.history({ around: seq }) to show it in context. */
  seq: number;
  senderId: string;
  senderName: string;
  snippet: SnippetPart[];
  createdAt: Date;
};

type Row = {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  senderName: string;
  kind: ConversationKind;
  conversationName: string | null;
  createdAt: Date;
  snippet: string;
};

// Bodies are stored without control characters (message-body.ts), so these cannot occur in the text itself.
const START = "\u0001";
const STOP = "\u0002";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Postgres full-text search ('english' configuration: stemmed, stop words
 * dropped) over live messages in conversations the caller is an active
 * member of, newest first. The WHERE clause uses the same expression as the
 * GIN index chat_message_body_search_idx, so matching is an index lookup.
 */
export async function searchMessages({
  db,
  userId,
  input,
}: {
  db: Db;
  userId: string;
  input: z.output<typeof SearchMessagesInput>;
}): Promise<{ results: MessageSearchResult[]; nextCursor: string | null }> {
  const before = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT m."id", m."conversationId", m."seq", m."senderId", u."name" AS "senderName",
           c."kind", c."name" AS "conversationName", m."createdAt",
           ts_headline('english', m."body", q, ${HEADLINE_OPTIONS}) AS "snippet"
      FROM "chat_message" m
      JOIN "chat_member" cm ON cm."conversationId" = m."conversationId" AND cm."userId" = ${userId} AND cm."leftAt" IS NULL
      JOIN "chat_conversation" c ON c."id" = m."conversationId"
      JOIN "user" u ON u."id" = m."senderId",
           websearch_to_tsquery('english', ${input.query}) q
     WHERE m."deletedAt" IS NULL
       AND to_tsvector('english', m."body") @@ q
       ${input.conversationId ? Prisma.sql`AND m."conversationId" = ${input.conversationId}` : Prisma.empty}
       ${input.senderId ? Prisma.sql`AND m."senderId" = ${input.senderId}` : Prisma.empty}
       ${before ? Prisma.sql`AND (m."createdAt", m."id") < (${before.at}::timestamp(3), ${before.id})` : Prisma.empty}
     ORDER BY m."createdAt" DESC, m."id" DESC
     LIMIT ${input.limit + 1}`;
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    results: page.map((row) => ({
      conversationId: row.conversationId,
      conversationKind: row.kind,
      conversationName: row.conversationName,
      messageId: row.id,
      seq: row.seq,
      senderId: row.senderId,
      senderName: row.senderName,
      snippet: toSnippetParts(row.snippet),
      createdAt: row.createdAt,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export function toSnippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of headline.split(START).entries()) {
    if (index === 0) {
      if (piece) parts.push({ text: piece, match: false });
      continue;
    }
    const [matched = "", rest = ""] = piece.split(STOP);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [iso = "", id = ""] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || id.length === 0) throw new AppError("BAD_REQUEST", "Invalid cursor.", { field: "cursor" });
  // A UTC wall-clock string, compared with the timestamp(3) column as stored.
  return { at: at.toISOString().replace("T", " ").replace("Z", ""), id };
}
