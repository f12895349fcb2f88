"use client";

import { usernameClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** Browser side of better-auth; same origin, so no baseURL is needed. */
export const authClient = createAuthClient({ plugins: [usernameClient()] });
