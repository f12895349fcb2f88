import type { ZodError } from "zod";
import { AppError } from "@/server/errors";

/**
 * A failed zod validation as the AppError every REST route answers (400):
 * the first issue's message, prefixed with its field, which `details.field`
 * names for forms. tRPC keeps its own shape (server/trpc/init.ts).
 */
export function invalidInput(error: ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  return new AppError("BAD_REQUEST", issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid request.", field ? { field } : undefined);
}
