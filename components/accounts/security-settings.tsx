"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ActiveSessions, SESSIONS_QUERY_KEY } from "./active-sessions";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccountCard } from "./delete-account-card";

/** The security page's client part: a password change may sign out other devices, so the session list reloads after it. */
export function SecuritySettings({ confirmAs }: { confirmAs: string }) {
  const queryClient = useQueryClient();
  return (
    <div className="space-y-6">
      <ChangePasswordForm onChanged={() => void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY })} />
      <ActiveSessions />
      <DeleteAccountCard confirmAs={confirmAs} />
    </div>
  );
}
