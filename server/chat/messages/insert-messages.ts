import type { Db } from "@/server/platform/db";
import { BatchWhileBusy } from "@/server/platform/batch-while-busy";
import type { StoredAttachment } from "../attachments/attachments";

/** A message ready to store: checked, with its id chosen; the seq comes from the insert. */
export type NewMessage = {
  id: string;
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  replyToId: string | null;
  attachments: StoredAttachment[];
};

export type InsertOutcome =
  | { outcome: "inserted"; seq: number; createdAt: Date; notifyDm: boolean; sender: { name: string; username: string | null; image: string | null } }
  /** The sender already stored this clientId here: a retry. */
  | { outcome: "duplicate" }
  | { outcome: "not-member" };

type Row = {
  ord: number;
  outcome: InsertOutcome["outcome"];
  seq: number | null;
  createdAt: Date | null;
  notifyDm: boolean | null;
  name: string | null;
  username: string | null;
  image: string | null;
};

/** Enough for the bursts one process sees; a longer queue waits for the next statement. */
const MAX_MESSAGES_PER_STATEMENT = 100;

/**
 * Stores new messages, the sends that arrive while a statement is in flight
 * sharing the next one (BatchWhileBusy): `chat_send_messages` (a PL/pgSQL
 * function, migration 20261202124602) locks each conversation, checks
 * membership and the client id, takes the next seq and inserts, for the whole
 * batch in one round trip and one commit.
 *
 * One statement at a time per process also keeps publishing simple: callers
 * resume in the batch's order, which is seq order within a conversation, and
 * before the next batch is sent, so this process hands each conversation's
 * messages to the realtime queue in seq order without holding any back.
 */
export type MessageInserter = BatchWhileBusy<NewMessage, InsertOutcome>;

export function createMessageInserter(db: Db): MessageInserter {
  return new BatchWhileBusy({ maxBatch: MAX_MESSAGES_PER_STATEMENT, run: (messages) => insertBatch(db, messages) });
}

async function insertBatch(db: Db, messages: NewMessage[]): Promise<InsertOutcome[]> {
  const items = messages.map((message, ord) => ({ ord, ...message }));
  const rows = await db.$queryRaw<Row[]>`SELECT * FROM chat_send_messages(${JSON.stringify(items)}::jsonb)`;
  const byOrd = new Map(rows.map((row) => [row.ord, row]));
  return messages.map((_, ord) => {
    const row = byOrd.get(ord);
    if (!row) throw new Error("chat_send_messages answered no row for a message");
    return toOutcome(row);
  });
}

function toOutcome(row: Row): InsertOutcome {
  if (row.outcome !== "inserted") return { outcome: row.outcome };
  return {
    outcome: "inserted",
    seq: row.seq as number,
    createdAt: row.createdAt as Date,
    notifyDm: row.notifyDm === true,
    sender: { name: row.name ?? "", username: row.username, image: row.image },
  };
}

const holder = globalThis as typeof globalThis & { casebookMessageInserters?: WeakMap<Db, MessageInserter> };

/** The process-wide inserter for `db`: one statement in flight per database client. */
export function messageInserterFor(db: Db): MessageInserter {
  holder.casebookMessageInserters ??= new WeakMap();
  let inserter = holder.casebookMessageInserters.get(db);
  if (!inserter) {
    inserter = createMessageInserter(db);
    holder.casebookMessageInserters.set(db, inserter);
  }
  return inserter;
}
