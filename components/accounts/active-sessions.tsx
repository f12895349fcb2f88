"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Bowser from "bowser";
import { authClient } from "@/components/auth/auth-client";
import { formatDateTime } from "@/components/links/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export const SESSIONS_QUERY_KEY = ["accounts", "sessions"] as const;

type SessionRow = { id: string; token: string; userAgent?: string | null; ipAddress?: string | null; createdAt: Date; updatedAt: Date; current: boolean };

/** Where the person is signed in (better-auth's sessions), this device first; sign one out, or every other one. */
export function ActiveSessions() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const sessions = useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: loadSessions });
  const refresh = () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
  const onError = (error: Error) => toast.show({ tone: "error", title: "Could not sign that device out", description: error.message });

  const revokeOne = useMutation({ mutationFn: (token: string) => unwrap(authClient.revokeSession({ token })), onSuccess: refresh, onError });
  const revokeOthers = useMutation({
    mutationFn: () => unwrap(authClient.revokeOtherSessions()),
    onSuccess: () => {
      toast.show({ tone: "success", title: "Signed out everywhere else" });
      return refresh();
    },
    onError,
  });

  const others = sessions.data?.filter((session) => !session.current) ?? [];
  return (
    <Card>
      <CardHeader className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle>Where you are signed in</CardTitle>
          <CardDescription>Sign out a device you no longer use or do not recognise.</CardDescription>
        </div>
        {others.length > 0 ? (
          <Button variant="secondary" size="sm" loading={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
            Sign out everywhere else
          </Button>
        ) : null}
      </CardHeader>
      <CardBody>
        {sessions.isPending ? (
          <div className="space-y-3" role="status" aria-label="Loading your sessions">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : sessions.isError ? (
          <LoadError title="Could not load your sessions" message={sessions.error.message} onRetry={() => void sessions.refetch()} />
        ) : (
          <ul aria-label="Sessions" className="divide-y divide-border">
            {sessions.data.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="flex items-center gap-2 font-medium text-fg">
                    {describeDevice(session.userAgent)}
                    {session.current ? <Badge tone="accent">This device</Badge> : null}
                  </p>
                  <p className="text-sm text-muted">
                    {session.ipAddress ? `${session.ipAddress} · ` : ""}signed in {formatDateTime(session.createdAt)} · last active {formatDateTime(session.updatedAt)}
                  </p>
                </div>
                {session.current ? null : (
                  <Button
                    variant="ghost"
                    size="sm"
                    loading={revokeOne.isPending && revokeOne.variables === session.token}
                    onClick={() => revokeOne.mutate(session.token)}
                    aria-label={`Sign out ${describeDevice(session.userAgent)}, signed in ${formatDateTime(session.createdAt)}`}
                  >
                    Sign out
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

async function loadSessions(): Promise<SessionRow[]> {
  const [list, current] = await Promise.all([unwrap(authClient.listSessions()), unwrap(authClient.getSession())]);
  const currentId = current.session.id;
  return list
    .map((session) => ({ ...session, createdAt: new Date(session.createdAt), updatedAt: new Date(session.updatedAt), current: session.id === currentId }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.updatedAt.getTime() - a.updatedAt.getTime());
}

/** better-auth's client answers `{ data, error }`; react-query wants a throw. */
async function unwrap<T>(call: Promise<{ data: T; error: null } | { data: null; error: { message?: string; status: number } }>): Promise<NonNullable<T>> {
  const { data, error } = await call;
  if (error) throw new Error(error.message ?? `The server answered ${error.status}.`);
  if (data === null) throw new Error("The server sent no answer.");
  return data as NonNullable<T>;
}

/** "Chrome on Linux", from the session's user agent. */
function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const parsed = Bowser.getParser(userAgent);
  const browser = parsed.getBrowserName() || "A browser";
  const os = parsed.getOSName();
  return os ? `${browser} on ${os}` : browser;
}
