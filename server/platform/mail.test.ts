import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { readOutbox, sendMail } from "./mail";

afterAll(() => db.$disconnect());

describe("sendMail without SMTP_URL (the Postgres outbox)", () => {
  it("keeps each message for the admin outbox, newest first", async () => {
    const to = `${randomUUID()}@test.casebook.dev`;
    await sendMail(db, { to, subject: "First", text: "one" });
    await sendMail(db, { to, subject: "Second", text: "two https://example.test/x" });
    const mine = (await readOutbox(db, { limit: 500 })).filter((message) => message.to === to);
    expect(mine.map((message) => message.subject).sort()).toEqual(["First", "Second"]);
    expect(mine.find((message) => message.subject === "Second")).toMatchObject({ text: "two https://example.test/x" });
    const times = mine.map((message) => message.sentAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
