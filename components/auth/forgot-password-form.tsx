"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { z } from "zod";
import { authClient } from "@/components/auth/auth-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { describeAuthError } from "./auth-error";

const EmailSchema = z.email("Enter the email address of your account.");

/**
 * Asks for a reset link. The answer is the same whether or not the address
 * has an account, so this page never tells who is signed up.
 */
export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = EmailSchema.safeParse(email.trim());
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message);
    setFieldError(undefined);
    startTransition(async () => {
      const { error } = await authClient.requestPasswordReset({ email: parsed.data, redirectTo: "/reset-password" });
      if (error) return setFormError(describeAuthError(error, "Could not send the link. Please try again."));
      setSentTo(parsed.data);
    });
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">Reset your password</h1>
        <p className="text-sm text-muted">We will email you a link to choose a new one.</p>
      </div>
      <Card>
        <CardBody>
          {sentTo ? (
            <Alert tone="success" title="Check your email">
              If an account uses {sentTo}, a link to reset its password is on its way. The link works once, for one hour.
            </Alert>
          ) : (
            <form onSubmit={submit} noValidate className="space-y-4">
              <TextField
                label="Email"
                name="email"
                type="email"
                autoComplete="email"
                value={email}
                onChange={(event) => {
                  setEmail(event.target.value);
                  setFieldError(undefined);
                }}
                error={fieldError}
              />
              {formError ? <Alert tone="danger">{formError}</Alert> : null}
              <Button type="submit" loading={pending} className="w-full">
                {pending ? "Sending…" : "Send reset link"}
              </Button>
            </form>
          )}
        </CardBody>
      </Card>
      <p className="text-center text-sm text-muted">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-accent-text underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
