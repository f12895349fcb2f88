"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

/** What deleting an account does to each system's data (server/trpc/account-erasers.ts does it). */
const CONSEQUENCES = [
  "Your short links stop working at once, and their click history is deleted.",
  "Your chat messages are removed; the people you talked with see “Deleted user” and a deleted message in their place.",
  "Your posts, replies, pictures, likes and follows, and your videos with their files, comments and likes, are deleted.",
  "Your product reviews are withdrawn and your cart is emptied. Your orders stay in the shop’s records, without your account.",
  "Your ride history goes. You cannot delete your account during a ride.",
  "You are signed out everywhere. This cannot be undone.",
];

/** The settings' danger zone: says what goes, then asks for the password and the typed username before deleting. */
export function DeleteAccountCard({ confirmAs }: { confirmAs: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const remove = useMutation(
    trpc.accounts.deleteAccount.mutationOptions({
      // The session went with the account: the refreshed home page is the signed-out one.
      onSuccess: () => {
        toast.show({ tone: "success", title: "Your account was deleted", description: "Thank you for trying Casebook." });
        router.push("/");
        router.refresh();
      },
    }),
  );
  const field = (remove.error?.data as { field?: string } | undefined)?.field;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    remove.mutate({ password, confirmation });
  };

  return (
    <Card className="border-danger/40">
      <CardHeader>
        <CardTitle>Delete account</CardTitle>
        <CardDescription>Delete your account and what you made with it, in every part of Casebook.</CardDescription>
      </CardHeader>
      <CardBody className="space-y-4">
        <ul className="list-disc space-y-1 pl-5 text-sm text-fg">
          {CONSEQUENCES.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <Button variant="danger" onClick={() => setOpen(true)}>
          Delete my account…
        </Button>
      </CardBody>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete your account?" description="This cannot be undone.">
        <form onSubmit={submit} noValidate className="space-y-4" aria-label="Delete account">
          <TextField
            label={
              <>
                Type <span className="font-mono">{confirmAs}</span> to confirm
              </>
            }
            name="confirmation"
            autoComplete="off"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            error={field === "confirmation" ? remove.error?.message : null}
          />
          <TextField
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={field === "password" ? remove.error?.message : null}
          />
          {remove.error && field !== "password" && field !== "confirmation" ? <Alert>{remove.error.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={remove.isPending} disabled={!password || !confirmation}>
              Delete my account
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
