import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/server/env";
import type { Db } from "./db";
import { logger } from "./logger";

/**
 * The one way the app sends mail. With SMTP_URL set, messages go out through
 * that server (nodemailer); without it they are written to the Postgres outbox
 * (table mail_outbox), which administrators read at /admin/outbox and tests
 * read directly. Messages are plain text: links stay visible and copyable.
 */
export type MailMessage = { to: string; subject: string; text: string };

export type OutboxMessage = MailMessage & { id: string; sentAt: Date };

const mailLog = logger.child({ module: "mail" });

let transport: Transporter | undefined;

export async function sendMail(db: Db, message: MailMessage): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...message });
    mailLog.info({ subject: message.subject }, "mail sent");
    return;
  }
  await db.mailOutbox.create({ data: message });
}

/** The newest outbox messages first. */
export async function readOutbox(db: Db, { limit = 100 }: { limit?: number } = {}): Promise<OutboxMessage[]> {
  return db.mailOutbox.findMany({ orderBy: { sentAt: "desc" }, take: limit });
}
