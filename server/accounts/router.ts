import { z } from "zod";
import { requestClientIp } from "@/server/platform/ratelimit";
import { storage } from "@/server/platform/storage";
import { protectedProcedure, router } from "@/server/trpc/init";
import type { AccountEraser } from "./account-eraser";
import { checkUsernameAvailable } from "./check-username-available";
import { DeleteAccountInput, deleteAccount } from "./delete-account";
import { getProfileOrThrow } from "./get-profile-or-throw";
import { removeAvatar } from "./remove-avatar";
import { UpdateProfileInput, updateProfile } from "./update-profile";

/**
 * Profile operations for the signed-in person. Sign-up, sign-in and sign-out
 * are better-auth's (/api/auth/*); the avatar upload is a route handler
 * (/api/accounts/avatar) because it carries a file. Deleting an account
 * runs every system's eraser, which the entry point passes in (root.ts).
 */
export const accountsRouter = (erasers: readonly AccountEraser[]) =>
  router({
  profile: protectedProcedure.query(({ ctx }) => getProfileOrThrow({ db: ctx.db, userId: ctx.user.id })),
  updateProfile: protectedProcedure
    .input(UpdateProfileInput)
    .mutation(({ ctx, input }) => updateProfile({ db: ctx.db, userId: ctx.user.id, ...input })),
  usernameAvailable: protectedProcedure
    .input(z.object({ username: z.string().max(100) }))
    .query(({ ctx, input }) => checkUsernameAvailable({ db: ctx.db, username: input.username, userId: ctx.user.id, ip: requestClientIp(ctx.headers) })),
  removeAvatar: protectedProcedure.mutation(({ ctx }) => removeAvatar({ db: ctx.db, userId: ctx.user.id })),
  deleteAccount: protectedProcedure
    .input(DeleteAccountInput)
    .mutation(({ ctx, input }) => deleteAccount({ context: { db: ctx.db, redis: ctx.redis, storage, userId: ctx.user.id }, input, erasers })),
  });
