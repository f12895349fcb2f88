/**
 * Loaded first by every Node process of the project (`node --import ./scripts/node/register.mjs entry.ts`):
 * tsx for TypeScript, then the server-only hook (./server-only-hook.mjs).
 */
import { register } from "node:module";
import "tsx";

register("./server-only-hook.mjs", import.meta.url);
