"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { authClient } from "@/components/auth/auth-client";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { PASSWORD_ERROR_MESSAGES, PASSWORD_RULES } from "@/server/accounts/password-rules";
import { describeAuthError } from "./auth-error";
import { newPasswordErrors } from "./new-password-errors";

type FieldErrors = { password?: string; confirm?: string };

/** Chooses a new password with the token from the mailed link; `token` is null when the link was invalid or expired. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [linkInvalid, setLinkInvalid] = useState(token === null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const next: FieldErrors = newPasswordErrors(password, confirm);
    setErrors(next);
    if (next.password || next.confirm || !token) return;
    startTransition(async () => {
      const { error } = await authClient.resetPassword({ newPassword: password, token });
      if (!error) return setDone(true);
      const fieldMessage = error.code ? PASSWORD_ERROR_MESSAGES[error.code] : undefined;
      if (fieldMessage) return setErrors({ password: fieldMessage });
      if (error.code === "INVALID_TOKEN") return setLinkInvalid(true);
      setFormError(describeAuthError(error, "Could not change your password. Please try again."));
    });
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">Choose a new password</h1>
      </div>
      <Card>
        <CardBody>
          {done ? (
            <div className="space-y-4">
              <Alert tone="success" title="Password changed">
                You were signed out on every device. Sign in with your new password.
              </Alert>
              <Link href="/sign-in" className={buttonClasses({ className: "w-full" })}>
                Sign in
              </Link>
            </div>
          ) : linkInvalid ? (
            <div className="space-y-4">
              <Alert tone="danger" title="This link no longer works">
                Reset links work once, for one hour. Ask for a new one.
              </Alert>
              <Link href="/forgot-password" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
                Send a new link
              </Link>
            </div>
          ) : (
            <form onSubmit={submit} noValidate className="space-y-4">
              <TextField
                label="New password"
                name="password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => {
                  setPassword(event.target.value);
                  setErrors((current) => ({ ...current, password: undefined }));
                }}
                error={errors.password}
                hint={PASSWORD_RULES}
              />
              <TextField
                label="Repeat the new password"
                name="confirm"
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(event) => {
                  setConfirm(event.target.value);
                  setErrors((current) => ({ ...current, confirm: undefined }));
                }}
                error={errors.confirm}
              />
              {formError ? <Alert tone="danger">{formError}</Alert> : null}
              <Button type="submit" loading={pending} className="w-full">
                {pending ? "Saving…" : "Change password"}
              </Button>
            </form>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
