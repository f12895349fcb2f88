import { randomUUID } from "node:crypto";

/**
 * Runs before each test file, before it imports anything (so before env.ts
 * reads the environment): state that test files would otherwise share on the
 * run's one Redis gets a name of the file's own. Click events: a file that
 * reads the click stream sees only the clicks it made, whatever runs beside it.
 */
process.env.LINKS_CLICK_STREAM = `casebook:links:clicks:test-${randomUUID()}`;
