"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/components/auth/auth-client";
import { Avatar } from "@/components/ui/avatar";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";

export type AccountSummary = { name: string; username: string | null; email: string; image: string | null; role: string };

/** The signed-in person's avatar; opens profile and sign-out. */
export function AccountMenu({ account }: { account: AccountSummary }) {
  const router = useRouter();
  const toast = useToast();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    const { error } = await authClient.signOut();
    if (error) {
      setSigningOut(false);
      toast.show({ tone: "error", title: "Could not sign out", description: error.message ?? "Please try again." });
      return;
    }
    router.push("/");
    router.refresh();
  };

  return (
    <Menu
      label={`${account.name}, account menu`}
      triggerClassName="gap-2 p-1 hover:bg-surface-2 sm:pr-2"
      trigger={
        <>
          {signingOut ? <Spinner className="size-8 justify-center" /> : <Avatar name={account.name} image={account.image} size="sm" />}
          <span className="hidden max-w-32 truncate text-sm font-medium text-fg sm:inline">{account.name}</span>
        </>
      }
    >
      <MenuLabel>
        <p className="truncate font-medium text-fg">{account.name}</p>
        <p className="truncate text-muted">{account.username ? `@${account.username}` : account.email}</p>
      </MenuLabel>
      <MenuSeparator />
      <MenuItem href="/settings/profile" icon={<PersonIcon />}>
        Profile settings
      </MenuItem>
      <MenuItem href="/settings/security" icon={<LockIcon />}>
        Password and sessions
      </MenuItem>
      <MenuItem href="/settings/api-keys" icon={<KeyIcon />}>
        API keys
      </MenuItem>
      <MenuItem onSelect={() => void signOut()} icon={<SignOutIcon />}>
        Sign out
      </MenuItem>
    </Menu>
  );
}

function PersonIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </svg>
  );
}

function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </svg>
  );
}

function KeyIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M16 7l3 3" />
    </svg>
  );
}

function SignOutIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l-5-5 5-5M5 12h11" />
    </svg>
  );
}
