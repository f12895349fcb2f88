"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { z } from "zod";
import { authClient } from "@/components/auth/auth-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { PASSWORD_ERROR_MESSAGES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULES } from "@/server/accounts/password-rules";
import { DisplayNameSchema, UsernameSchema } from "@/server/accounts/username";
import { describeAuthError } from "./auth-error";

const SignUpSchema = z.object({
  name: DisplayNameSchema,
  username: UsernameSchema,
  email: z.email("Enter a valid email address."),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, PASSWORD_ERROR_MESSAGES.PASSWORD_TOO_SHORT)
    .max(PASSWORD_MAX_LENGTH, PASSWORD_ERROR_MESSAGES.PASSWORD_TOO_LONG),
});

type Values = { name: string; username: string; email: string; password: string };
type FieldName = keyof Values;
type FieldErrors = Partial<Record<FieldName, string>>;

/** Which field a better-auth sign-up error belongs to, so it shows next to it. */
const SERVER_ERROR_FIELDS: Record<string, { field: FieldName; message: string }> = {
  USERNAME_IS_ALREADY_TAKEN: { field: "username", message: "That username is taken." },
  USERNAME_TOO_SHORT: { field: "username", message: "Use at least 3 characters." },
  USERNAME_TOO_LONG: { field: "username", message: "Use at most 30 characters." },
  INVALID_USERNAME: { field: "username", message: "Use only letters, digits and underscores." },
  USER_ALREADY_EXISTS: { field: "email", message: "An account with this email already exists." },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { field: "email", message: "An account with this email already exists." },
  INVALID_EMAIL: { field: "email", message: "Enter a valid email address." },
  ...Object.fromEntries(Object.entries(PASSWORD_ERROR_MESSAGES).map(([code, message]) => [code, { field: "password" as const, message }])),
};

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>({ name: "", username: "", email: "", password: "" });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const update = (field: FieldName) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    // An error stays until the field is edited; then it goes, and is re-checked on submit.
    if (fieldErrors[field]) setFieldErrors((current) => ({ ...current, [field]: undefined }));
  };

  const checkUsername = async () => {
    const parsed = UsernameSchema.safeParse(values.username);
    if (!parsed.success) return;
    const { data } = await authClient.isUsernameAvailable({ username: parsed.data });
    if (data && !data.available) setFieldErrors((current) => ({ ...current, username: "That username is taken." }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = SignUpSchema.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as FieldName;
        errors[field] ??= issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});

    startTransition(async () => {
      const { data, error } = await authClient.signUp.email({
        name: parsed.data.name,
        email: parsed.data.email,
        password: parsed.data.password,
        // Sent as typed: better-auth stores it lower-cased and keeps this form as the display username.
        username: values.username.trim(),
        // Where the verification mail's link lands.
        callbackURL: "/settings/profile",
      });
      if (error) {
        const mapped = error.code ? SERVER_ERROR_FIELDS[error.code] : undefined;
        if (mapped) setFieldErrors({ [mapped.field]: mapped.message });
        else setFormError(describeAuthError(error, "Could not create your account. Please try again."));
        return;
      }
      // No session: the server requires a confirmed address (REQUIRE_EMAIL_VERIFICATION) and says the same for a taken one.
      if (!data.token) {
        setMailedTo(parsed.data.email);
        return;
      }
      router.replace(returnTo);
      router.refresh();
    });
  };

  if (mailedTo) return <CheckYourEmail email={mailedTo} />;

  return (
    <div className="space-y-6">
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">Create your account</h1>
        <p className="text-sm text-muted">
          Already have one?{" "}
          <Link href={returnTo === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(returnTo)}`} className="font-medium text-accent-text underline-offset-4 hover:underline">
            Sign in
          </Link>
        </p>
      </div>
      <Card>
        <CardBody>
          <form onSubmit={submit} noValidate className="space-y-4">
            <TextField
              label="Display name"
              name="name"
              autoComplete="name"
              value={values.name}
              onChange={update("name")}
              error={fieldErrors.name}
              hint="How others see you, e.g. “Ada Lovelace”."
            />
            <TextField
              label="Username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={values.username}
              onChange={update("username")}
              onBlur={() => void checkUsername()}
              error={fieldErrors.username}
              hint="3–30 letters, digits or underscores. It appears in your profile's address."
            />
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              value={values.email}
              onChange={update("email")}
              error={fieldErrors.email}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={update("password")}
              error={fieldErrors.password}
              hint={PASSWORD_RULES}
            />
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <Button type="submit" loading={pending} className="w-full">
              {pending ? "Creating account…" : "Create account"}
            </Button>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}

function CheckYourEmail({ email }: { email: string }) {
  return (
    <div className="space-y-6 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-fg">Check your email</h1>
      <Card>
        <CardBody className="space-y-3 text-sm text-muted" role="status">
          <p>
            We sent a message to <span className="font-medium text-fg">{email}</span>. Open the link in it to confirm your address and sign in.
          </p>
          <p>If this address already has an account, the message says so and how to get back in.</p>
        </CardBody>
      </Card>
      <p className="text-sm text-muted">
        Confirmed already?{" "}
        <Link href="/sign-in" className="font-medium text-accent-text underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
