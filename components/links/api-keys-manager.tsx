"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { ApiKeyView } from "@/server/links/keys/list-api-keys";
import { CopyButton } from "./copy-button";
import { formatDateTime } from "./format";
import { LoadError } from "@/components/ui/load-error";

/** Create, list and revoke the Links API keys of the signed-in person. */
export function ApiKeysManager() {
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  return (
    <div className="space-y-6">
      <CreateApiKeyForm />
      <ApiKeyList onRevoke={setRevoking} />
      {revoking ? <RevokeApiKeyDialog key={revoking.id} apiKey={revoking} onClose={() => setRevoking(null)} /> : null}
    </div>
  );
}

function CreateApiKeyForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation(
    trpc.links.apiKeys.create.mutationOptions({
      onSuccess: (key) => {
        setCreated({ name: key.name, key: key.key });
        setName("");
        void queryClient.invalidateQueries(trpc.links.apiKeys.list.pathFilter());
      },
      onError: (failure) => setError((failure.data?.fieldErrors as Partial<Record<string, string[]>> | null | undefined)?.name?.[0] ?? failure.message),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) return setError("Please name the key.");
    setCreated(null);
    create.mutate({ name: name.trim() });
  };

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle>Create a key</CardTitle>
          <CardDescription>Keys let your own code create links and read their stats. Name each one after where it is used.</CardDescription>
        </CardHeader>
        <CardBody className="space-y-4">
          <TextField
            label="Key name"
            placeholder="e.g. Newsletter script"
            maxLength={100}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
            error={error}
          />
          {created ? (
            <Alert tone="warning" title={`Your new key “${created.name}”`}>
              <p>Copy it now: it is shown only this once and cannot be recovered. Store it like a password.</p>
              <div className="mt-3 flex flex-wrap items-center gap-2">
                <code data-testid="new-api-key" className="min-w-0 flex-1 rounded-md border border-border bg-surface px-3 py-2 font-mono text-sm break-all text-fg">
                  {created.key}
                </code>
                <CopyButton text={created.key} accessibleLabel="Copy API key" size="sm" />
              </div>
            </Alert>
          ) : null}
        </CardBody>
        <CardFooter className="justify-end">
          <Button type="submit" loading={create.isPending}>
            Create key
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

function ApiKeyList({ onRevoke }: { onRevoke: (key: ApiKeyView) => void }) {
  const trpc = useTRPC();
  const keys = useQuery(trpc.links.apiKeys.list.queryOptions());
  return (
    <section aria-labelledby="api-keys-heading" className="space-y-3">
      <h2 id="api-keys-heading" className="text-lg font-semibold text-fg">
        Your keys
      </h2>
      {keys.isPending ? (
        <Card role="status" aria-label="Loading your keys" className="divide-y divide-border">
          {Array.from({ length: 2 }, (_, index) => (
            <div key={index} className="space-y-2 px-5 py-4">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-3 w-64" />
            </div>
          ))}
        </Card>
      ) : keys.isError ? (
        <LoadError title="Could not load your keys" message={keys.error.message} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border px-5 py-8 text-center text-sm text-muted">No API keys yet.</p>
      ) : (
        <Card>
          <ul className="divide-y divide-border">
            {keys.data.map((key) => (
              <li key={key.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-fg">
                    {key.name}
                    {key.revokedAt ? <Badge tone="danger">Revoked</Badge> : <Badge tone="success">Active</Badge>}
                  </p>
                  <p className="text-sm text-muted">
                    <code className="font-mono text-fg">{key.prefix}…</code> · created {formatDateTime(key.createdAt)} ·{" "}
                    {key.lastUsedAt ? `last used ${formatDateTime(key.lastUsedAt)}` : "never used"}
                    {key.revokedAt ? ` · revoked ${formatDateTime(key.revokedAt)}` : ""}
                  </p>
                </div>
                {key.revokedAt ? null : (
                  <Button variant="secondary" size="sm" className="self-start sm:self-auto" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}

function RevokeApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyView; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const revoke = useMutation(
    trpc.links.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.links.apiKeys.list.pathFilter());
        toast.show({ tone: "success", title: `Revoked “${apiKey.name}”` });
        onClose();
      },
    }),
  );
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Revoke “${apiKey.name}”?`}
      description={`Requests with ${apiKey.prefix}… stop working at once. Links it created stay yours.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={revoke.isPending}>
            Cancel
          </Button>
          <Button variant="danger" loading={revoke.isPending} onClick={() => revoke.mutate({ id: apiKey.id })}>
            Revoke key
          </Button>
        </>
      }
    >
      {revoke.isError ? <Alert>{revoke.error.message}</Alert> : null}
    </Dialog>
  );
}
