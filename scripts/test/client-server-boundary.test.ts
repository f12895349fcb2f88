import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** What makes a platform module server-only: it reaches the database, Redis, auth, realtime publishing or storage. */
const SERVER_RESOURCE = /from "(\.\/|@\/server\/platform\/)(db|redis|auth|realtime|storage|local-disk-store)"|from "(ioredis|bullmq|pusher|better-auth[^"]*|@prisma\/[^"]+)"/;

function platformModules(dir = path.join(root, "server/platform")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return platformModules(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

describe("the client/server boundary", () => {
  it("marks every platform module that touches db, Redis, auth, realtime publishing or storage as server-only", () => {
    const touching = platformModules().filter((file) => SERVER_RESOURCE.test(fs.readFileSync(file, "utf8").replace(/^import type .*$/gm, "")));
    expect(touching.length).toBeGreaterThan(10);
    const unmarked = touching.filter((file) => !fs.readFileSync(file, "utf8").startsWith('import "server-only";\n'));
    expect(unmarked.map((file) => path.relative(root, file))).toEqual([]);
  });

  it("refuses browser code that imports a server module, and lets it import types and client-safe modules", async () => {
    const eslint = new ESLint({ cwd: root });
    const lint = async (code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, "components/boundary-probe.tsx") });
      return (result?.messages ?? []).filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports").length;
    };
    expect(await lint('import { db } from "@/server/platform/db";\nexport const probe = db;\n')).toBe(1);
    expect(await lint('import type { Db } from "@/server/platform/db";\nexport type Probe = Db;\n')).toBe(0);
    expect(await lint('import { conversationChannel } from "@/server/chat/chat-channels";\nexport const probe = conversationChannel;\n')).toBe(0);
  }, 60_000);
});
