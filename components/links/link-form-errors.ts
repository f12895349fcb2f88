/**
 * Turns a failed links mutation into messages next to the right fields.
 *
 * Zod failures arrive as `data.fieldErrors`. The links service's own checks
 * arrive as an AppError (`data.appCode`) whose message names the problem but
 * not the field (the tRPC error formatter does not forward AppError details),
 * so the field is inferred: CONFLICT is always the alias, and a BAD_REQUEST
 * speaks of the alias or the expiry, or else it is about the destination URL.
 */
export type LinkField = "url" | "customAlias" | "expiresAt" | "title" | "tags" | "password";
export type LinkFormErrors = Partial<Record<LinkField | "form", string>>;

type LinkMutationError = {
  message: string;
  data?: { appCode?: string | null; fieldErrors?: Partial<Record<string, string[]>> | null } | null;
};

const FIELDS: readonly LinkField[] = ["url", "customAlias", "expiresAt", "title", "tags", "password"];

export function linkFormErrorsOf(error: LinkMutationError): LinkFormErrors {
  const fieldErrors = error.data?.fieldErrors;
  if (fieldErrors) {
    const errors: LinkFormErrors = {};
    for (const field of FIELDS) {
      const message = fieldErrors[field]?.[0];
      if (message) errors[field] = message;
    }
    return Object.keys(errors).length > 0 ? errors : { form: error.message };
  }
  switch (error.data?.appCode) {
    case "CONFLICT":
      return { customAlias: error.message };
    case "BAD_REQUEST":
      if (/alias/i.test(error.message)) return { customAlias: error.message };
      if (/expir/i.test(error.message)) return { expiresAt: error.message };
      return { url: error.message };
    default:
      return { form: error.message };
  }
}

/** "news, launch ,, Q4" → ["news", "launch", "Q4"]. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(",").map((tag) => tag.trim()).filter(Boolean))];
}
