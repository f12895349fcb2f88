import type { Db } from "@/server/platform/db";
import type { StoredAttachment } from "./attachments";

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

type Pending = { message: NewMessage; resolve: (outcome: InsertOutcome) => void; reject: (error: unknown) => void };

/** Enough for the bursts one process sees; a longer queue waits for the next statement. */
const MAX_MESSAGES_PER_STATEMENT = 100;

/**
 * Stores new messages, every send that arrives while a statement is in flight
 * sharing the next one: `chat_send_messages` (a PL/pgSQL function, migration
 * 20261202124602) locks each conversation, checks membership and the client
 * id, takes the next seq and inserts, for the whole batch in one round trip
 * and one commit. Alone, a message goes out at once; nothing waits for a timer.
 *
 * One statement at a time per process also keeps publishing simple: a batch's
 * outcomes are settled in seq order before the next batch is sent, so this
 * process hands messages to the realtime queue in seq order without holding
 * any back. A batch that fails (a reply target deleted meanwhile) is retried
 * message by message, so each send gets its own outcome.
 */
export class MessageInserter {
  private readonly queue: Pending[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  insert(message: NewMessage): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) await this.run(this.queue.splice(0, MAX_MESSAGES_PER_STATEMENT));
    } finally {
      this.running = false;
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      settle(batch, await insertBatch(this.db, batch));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const pending of batch) {
        await insertBatch(this.db, [pending]).then(
          (rows) => settle([pending], rows),
          (messageError: unknown) => pending.reject(messageError),
        );
      }
    }
  }
}

/** Resolves in the order the function stored them (by conversation, then seq): callers publish as they resume. */
function settle(batch: Pending[], rows: Row[]): void {
  const answered = new Set<number>();
  for (const row of rows) {
    const pending = batch[row.ord];
    if (!pending) continue;
    answered.add(row.ord);
    if (row.outcome !== "inserted") {
      pending.resolve({ outcome: row.outcome });
      continue;
    }
    pending.resolve({
      outcome: "inserted",
      seq: row.seq as number,
      createdAt: row.createdAt as Date,
      notifyDm: row.notifyDm === true,
      sender: { name: row.name ?? "", username: row.username, image: row.image },
    });
  }
  for (const [ord, pending] of batch.entries()) if (!answered.has(ord)) pending.reject(new Error("chat_send_messages returned no row for this message"));
}

function insertBatch(db: Db, batch: Pending[]): Promise<Row[]> {
  const items = batch.map(({ message }, ord) => ({ ord, ...message }));
  return db.$queryRaw<Row[]>`SELECT * FROM chat_send_messages(${JSON.stringify(items)}::jsonb)`;
}

const holder = globalThis as typeof globalThis & { casebookMessageInserters?: WeakMap<Db, MessageInserter> };

/** The process-wide inserter for `db`: one statement in flight per database client. */
export function messageInserterFor(db: Db): MessageInserter {
  holder.casebookMessageInserters ??= new WeakMap();
  let inserter = holder.casebookMessageInserters.get(db);
  if (!inserter) {
    inserter = new MessageInserter(db);
    holder.casebookMessageInserters.set(db, inserter);
  }
  return inserter;
}
