"use client";

import { useState, useTransition, type FormEvent } from "react";
import { authClient } from "@/components/auth/auth-client";
import { describeAuthError } from "@/components/auth/auth-error";
import { newPasswordErrors } from "@/components/auth/new-password-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { PASSWORD_ERROR_MESSAGES, PASSWORD_RULES } from "@/server/accounts/password-rules";

type FieldErrors = { current?: string; password?: string; confirm?: string };

/** Changes the password (better-auth checks the current one; the server's policy checks the new one) and may sign out every other device. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const toast = useToast();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const next: FieldErrors = { ...newPasswordErrors(password, confirm), ...(current ? {} : { current: "Enter your current password." }) };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    startTransition(async () => {
      const { error } = await authClient.changePassword({ currentPassword: current, newPassword: password, revokeOtherSessions: signOutOthers });
      if (error) {
        if (error.code === "INVALID_PASSWORD") return setErrors({ current: "That is not your current password." });
        const fieldMessage = error.code ? PASSWORD_ERROR_MESSAGES[error.code] : undefined;
        if (fieldMessage) return setErrors({ password: fieldMessage });
        return setFormError(describeAuthError(error, "Could not change your password. Please try again."));
      }
      setCurrent("");
      setPassword("");
      setConfirm("");
      toast.show({ tone: "success", title: "Password changed", description: signOutOthers ? "Your other devices were signed out." : undefined });
      onChanged();
    });
  };

  return (
    <Card>
      <form onSubmit={submit} noValidate aria-label="Change password">
        <CardHeader>
          <CardTitle>Change password</CardTitle>
          <CardDescription>{PASSWORD_RULES}</CardDescription>
        </CardHeader>
        <CardBody className="space-y-4">
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            error={errors.current}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="New password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={errors.password}
            />
            <TextField
              label="Repeat the new password"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
              error={errors.confirm}
            />
          </div>
          <label className="flex items-center gap-2 text-sm text-fg">
            <input type="checkbox" checked={signOutOthers} onChange={(event) => setSignOutOthers(event.target.checked)} className="size-4 accent-accent" />
            Sign out of every other device
          </label>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
        </CardBody>
        <CardFooter className="justify-end">
          <Button type="submit" loading={pending}>
            Change password
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
