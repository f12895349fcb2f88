"use client";

import { useState, useTransition } from "react";
import { authClient } from "@/components/auth/auth-client";
import { describeAuthError } from "@/components/auth/auth-error";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangeEmailForm } from "./change-email-form";

/**
 * The account's email and whether it is confirmed, with a way to send the
 * confirmation mail again and to move to another address. Signing in does not wait for it; a confirmed
 * address is what a password reset can be trusted to reach.
 */
export function EmailVerification({ email, verified, linkError }: { email: string; verified: boolean; linkError: boolean }) {
  const [state, setState] = useState<{ tone: "success" | "danger"; text: string } | null>(
    linkError && !verified ? { tone: "danger", text: "That confirmation link is invalid or has expired. Send a new one." } : null,
  );
  const [pending, startTransition] = useTransition();

  const resend = () =>
    startTransition(async () => {
      const { error } = await authClient.sendVerificationEmail({ email, callbackURL: "/settings/profile" });
      setState(
        error
          ? { tone: "danger", text: describeAuthError(error, "Could not send the mail. Please try again.") }
          : { tone: "success", text: `We sent a confirmation link to ${email}. It works for 24 hours.` },
      );
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Email {verified ? <Badge tone="success">Confirmed</Badge> : <Badge tone="warning">Not confirmed</Badge>}
        </CardTitle>
        <CardDescription>{email}</CardDescription>
      </CardHeader>
      <CardBody className="space-y-4">
        {verified ? null : (
          <div className="space-y-3">
            <p className="text-sm text-muted">Confirm your address so a password reset can reach you. Check your inbox for our mail, or send it again.</p>
            {state ? <Alert tone={state.tone}>{state.text}</Alert> : null}
            <Button type="button" variant="secondary" loading={pending} onClick={resend}>
              Send confirmation email again
            </Button>
          </div>
        )}
        <ChangeEmailForm currentEmail={email} />
      </CardBody>
    </Card>
  );
}
