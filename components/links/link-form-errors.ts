/**
 * Turns a failed links mutation into messages next to the right fields.
 * Zod failures arrive as `data.fieldErrors`; the links service's own checks
 * (URL pipeline, alias taken, expiry) name their field in `data.field`.
 */
export type LinkField =
  | "url"
  | "customAlias"
  | "expiresAt"
  | "title"
  | "tags"
  | "password"
  | "iosUrl"
  | "androidUrl"
  | "countries"
  | "previewTitle"
  | "previewDescription"
  | "previewImage";
export type LinkFormErrors = Partial<Record<LinkField | "form", string>>;

type LinkMutationError = {
  message: string;
  data?: { field?: string | null; fieldErrors?: Partial<Record<string, string[]>> | null } | null;
};

const FIELDS: readonly LinkField[] = ["url", "customAlias", "expiresAt", "title", "tags", "password", "iosUrl", "androidUrl", "countries", "previewTitle", "previewDescription", "previewImage"];

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
  const field = FIELDS.find((name) => name === error.data?.field);
  return field ? { [field]: error.message } : { form: error.message };
}

/** "news, launch ,, Q4" → ["news", "launch", "Q4"]. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(",").map((tag) => tag.trim()).filter(Boolean))];
}
