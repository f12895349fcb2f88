"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { authClient } from "@/components/auth/auth-client";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import type { DemoSignIn } from "@/server/accounts/get-demo-sign-in";
import { describeAuthError } from "./auth-error";

type FieldErrors = { identifier?: string; password?: string };

/** Email or username + password. On the demo database, a list of people to sign in as with one click. */
export function SignInForm({ returnTo, demo }: { returnTo: string; demo: DemoSignIn | null }) {
  const router = useRouter();
  const [identifier, setIdentifier] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!identifier.trim()) errors.identifier = "Enter your email or username.";
    if (!password) errors.password = "Enter your password.";
    setFieldErrors(errors);
    setFormError(null);
    if (errors.identifier || errors.password) return;

    startTransition(async () => {
      const name = identifier.trim();
      const { error } = name.includes("@")
        ? await authClient.signIn.email({ email: name, password })
        : await authClient.signIn.username({ username: name, password });
      if (error) {
        setFormError(
          error.status === 401 || error.status === 422
            ? "That email/username and password don't match. Check them and try again."
            : describeAuthError(error, "Could not sign you in. Please try again."),
        );
        return;
      }
      router.replace(returnTo);
      router.refresh();
    });
  };

  const fill = (username: string) => {
    if (!demo) return;
    setIdentifier(username);
    setPassword(demo.password);
    setFieldErrors({});
    setFormError(null);
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">Sign in to Casebook</h1>
        <p className="text-sm text-muted">
          New here?{" "}
          <Link href={returnTo === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(returnTo)}`} className="font-medium text-accent-text underline-offset-4 hover:underline">
            Create an account
          </Link>
        </p>
      </div>

      <Card>
        <CardBody>
          <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={formError ? "sign-in-error" : undefined}>
            <TextField
              label="Email or username"
              name="identifier"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={identifier}
              onChange={(event) => setIdentifier(event.target.value)}
              error={fieldErrors.identifier}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
            />
            <p className="-mt-2 text-right text-sm">
              <Link href="/forgot-password" className="font-medium text-accent-text underline-offset-4 hover:underline">
                Forgot password?
              </Link>
            </p>
            {formError ? (
              <Alert tone="danger" className="text-sm">
                <span id="sign-in-error">{formError}</span>
              </Alert>
            ) : null}
            <Button type="submit" loading={pending} className="w-full">
              {pending ? "Signing in…" : "Sign in"}
            </Button>
          </form>
        </CardBody>
      </Card>

      {demo ? <DemoAccounts demo={demo} onPick={fill} /> : null}
    </div>
  );
}

function DemoAccounts({ demo, onPick }: { demo: DemoSignIn; onPick: (username: string) => void }) {
  return (
    <section aria-labelledby="demo-heading" className="space-y-3">
      <div className="space-y-1">
        <h2 id="demo-heading" className="text-sm font-semibold text-fg">
          Demo accounts
        </h2>
        <p className="text-sm text-muted">
          Every demo account uses the password{" "}
          <code className="whitespace-nowrap rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs text-fg">{demo.password}</code>. Pick one to fill the
          form.
        </p>
      </div>
      <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface">
        {demo.accounts.map((account) => (
          <li key={account.username}>
            <button
              type="button"
              onClick={() => onPick(account.username)}
              className="flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-offset-[-2px]"
            >
              <Avatar name={account.name} size="sm" />
              <span className="min-w-0 flex-1 text-sm">
                <span className="sr-only">Use </span>
                <span className="font-medium text-fg">{account.name}</span> <span className="text-muted">@{account.username}</span>
              </span>
              {account.role === "user" ? null : <Badge tone={account.role === "admin" ? "accent" : "success"}>{account.role}</Badge>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
