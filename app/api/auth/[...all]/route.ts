import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/server/platform/auth";

/** better-auth's endpoints: sign-up, sign-in (email or username), sign-out, session. */
export const { GET, POST } = toNextJsHandler(auth);
