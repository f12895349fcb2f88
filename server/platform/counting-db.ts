import "server-only";
import type { Db } from "./db";

/** For tests: the real client, counting the raw statements sent through it. */
export function countingDb(db: Db): { db: Db; statements: () => number } {
  let statements = 0;
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      if (property === "$queryRaw") {
        return (...args: Parameters<Db["$queryRaw"]>) => {
          statements += 1;
          return target.$queryRaw(...args);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { db: counted, statements: () => statements };
}
