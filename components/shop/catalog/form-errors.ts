/**
 * A failed shop mutation as messages next to form fields: zod failures arrive
 * as `data.fieldErrors`, service checks name their field in `data.field`,
 * anything else is a form-level message.
 */
type MutationError = {
  message: string;
  data?: { field?: string | null; fieldErrors?: Partial<Record<string, string[]>> | null } | null;
};

export function formErrorsOf<F extends string>(error: MutationError, fields: readonly F[]): Partial<Record<F | "form", string>> {
  const errors: Partial<Record<F | "form", string>> = {};
  const fieldErrors = error.data?.fieldErrors;
  for (const field of fields) {
    const message = fieldErrors?.[field]?.[0] ?? (error.data?.field === field ? error.message : undefined);
    if (message) errors[field] = message;
  }
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
}
