"use client";

import { useState, useTransition, type FormEvent } from "react";
import { authClient } from "@/components/auth/auth-client";
import { describeAuthError } from "@/components/auth/auth-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asks for a new address; it replaces the current one only when the link mailed to it is opened. */
export function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const newEmail = email.trim();
    if (!EMAIL_PATTERN.test(newEmail)) return setError("Enter an email address like name@example.com.");
    if (newEmail.toLowerCase() === currentEmail.toLowerCase()) return setError("That is already your email address.");
    setError(null);
    startTransition(async () => {
      const { error: failed } = await authClient.changeEmail({ newEmail, callbackURL: "/settings/profile" });
      if (failed) return setError(describeAuthError(failed, "Could not send the mail. Please try again."));
      setSentTo(newEmail);
      setEmail("");
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Change email" className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label="New email address"
          name="newEmail"
          type="email"
          autoComplete="email"
          className="flex-1"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setError(null);
          }}
          error={error}
        />
        <Button type="submit" variant="secondary" loading={pending} className="sm:mt-6">
          Change email
        </Button>
      </div>
      {sentTo ? (
        <Alert tone="success">
          We sent a link to {sentTo}. Your email changes to it when you open the link (within 24 hours); until then it stays {currentEmail}.
        </Alert>
      ) : null}
    </form>
  );
}
