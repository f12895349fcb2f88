import { expect } from "@playwright/test";
import pg from "pg";

/**
 * The mail the end-to-end stack kept in its outbox (no SMTP server is set
 * there), read straight from its database (CASEBOOK_DATABASE_URL).
 */
export async function waitForMail(to: string, subject: RegExp): Promise<{ subject: string; text: string; link: string }> {
  const databaseUrl = process.env.CASEBOOK_DATABASE_URL;
  if (!databaseUrl) throw new Error("CASEBOOK_DATABASE_URL is not set: run through `npm test -- --only=e2e`");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let found: { subject: string; text: string } | undefined;
    // Mail is written after the answer reaches the browser.
    await expect
      .poll(async () => {
        const { rows } = await client.query<{ subject: string; text: string }>(
          `SELECT "subject", "text" FROM "mail_outbox" WHERE "to" = $1 ORDER BY "sentAt" DESC`,
          [to],
        );
        found = rows.find((row) => subject.test(row.subject));
        return found !== undefined;
      })
      .toBe(true);
    const mail = found as { subject: string; text: string };
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    if (!link) throw new Error(`no link in the mail: ${mail.text}`);
    return { ...mail, link };
  } finally {
    await client.end();
  }
}
