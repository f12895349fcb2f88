import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { DELETED_SENDER } from "../messages/erase-account-messages";
import { searchPeople } from "./search-people";

afterAll(() => db.$disconnect());

describe("searchPeople", () => {
  it("treats % and _ as the characters they are, not as wildcards", async () => {
    const tag = randomUUID().replaceAll("-", "").slice(0, 8);
    const underscore = await createTestUser(db, { username: `s${tag}_a`, name: `Percent 100% ${tag}` });
    const letter = await createTestUser(db, { username: `s${tag}xa`, name: `Percent 100x ${tag}` });
    const find = async (query: string) => (await searchPeople({ db, userId: randomUUID(), query, limit: 20 })).map((person) => person.id);

    expect(await find(`s${tag}_`)).toEqual([underscore.id]);
    expect(await find(`100% ${tag}`)).toEqual([underscore.id]);
    expect(await find(`s${tag}`)).toEqual([underscore.id, letter.id]);
    expect(await find(`s${tag}\\`)).toEqual([]);
  });

  it("never offers the Deleted user who holds erased accounts' messages", async () => {
    await db.user.upsert({ where: { id: DELETED_SENDER.id }, create: DELETED_SENDER, update: {} });
    const found = await searchPeople({ db, userId: randomUUID(), query: DELETED_SENDER.name, limit: 20 });
    expect(found.map((person) => person.id)).not.toContain(DELETED_SENDER.id);
  });
});
