import path from "node:path";

/** The Node flags that run one of the project's TypeScript entry points (./register.mjs). */
export const TYPESCRIPT_NODE_ARGS = ["--import", path.join(import.meta.dirname, "register.mjs")];
