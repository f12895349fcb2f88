"use client";

import { useQuery, useQueryClient, useSuspenseQuery, useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { UsernameSchema } from "@/server/accounts/username";
import { AvatarUploader } from "./avatar-uploader";
import { EmailVerification } from "./email-verification";

type FieldErrors = { name?: string; username?: string };

/** The profile page's client part: picture, display name and username (with an inline "taken" check). */
export function ProfileSettings({ avatarMaxBytes, verificationLinkError }: { avatarMaxBytes: number; verificationLinkError: boolean }) {
  const trpc = useTRPC();
  const { data: profile } = useSuspenseQuery(trpc.accounts.profile.queryOptions());
  return (
    <div className="space-y-6">
      <EmailVerification email={profile.email} verified={profile.emailVerified} linkError={verificationLinkError} />
      <AvatarUploader name={profile.name} image={profile.image} maxBytes={avatarMaxBytes} />
      <ProfileForm
        key={`${profile.name}|${profile.displayUsername ?? profile.username ?? ""}`}
        initialName={profile.name}
        initialUsername={profile.displayUsername ?? profile.username ?? ""}
        email={profile.email}
      />
    </div>
  );
}

function ProfileForm({ initialName, initialUsername, email }: { initialName: string; initialUsername: string; email: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState(initialName);
  const [username, setUsername] = useState(initialUsername);
  const [errors, setErrors] = useState<FieldErrors>({});

  const availability = useUsernameAvailability(username, initialUsername);

  const save = useMutation(
    trpc.accounts.updateProfile.mutationOptions({
      onSuccess: (profile) => {
        queryClient.setQueryData(trpc.accounts.profile.queryKey(), profile);
        toast.show({ tone: "success", title: "Profile saved" });
        // The header shows the name too; re-render the server parts.
        router.refresh();
      },
      onError: (error) => {
        if (error.data?.appCode === "CONFLICT") return setErrors({ username: error.message });
        const fields = error.data?.fieldErrors as Partial<Record<string, string[]>> | null | undefined;
        if (fields) return setErrors({ name: fields.name?.[0], username: fields.username?.[0] });
        toast.show({ tone: "error", title: "Could not save your profile", description: error.message });
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!name.trim()) next.name = "Enter a display name.";
    const parsedUsername = UsernameSchema.safeParse(username);
    if (!parsedUsername.success) next.username = parsedUsername.error.issues[0]?.message;
    setErrors(next);
    if (next.name || next.username) return;
    save.mutate({ name, username });
  };

  const usernameError = errors.username ?? (availability.taken ? "That username is taken." : undefined);
  const unchanged = name.trim() === initialName && username.trim() === initialUsername;

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle>Public profile</CardTitle>
          <CardDescription>Signed in as {email}.</CardDescription>
        </CardHeader>
        <CardBody className="space-y-4">
          <TextField
            label="Display name"
            name="name"
            autoComplete="name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setErrors((current) => ({ ...current, name: undefined }));
            }}
            error={errors.name}
          />
          <TextField
            label="Username"
            name="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
              setErrors((current) => ({ ...current, username: undefined }));
            }}
            error={usernameError}
            hint={availability.checking ? "Checking…" : availability.available ? "Available." : "3–30 letters, digits or underscores."}
          />
        </CardBody>
        <CardFooter className="justify-end">
          <Button
            type="button"
            variant="ghost"
            disabled={unchanged || save.isPending}
            onClick={() => {
              setName(initialName);
              setUsername(initialUsername);
              setErrors({});
            }}
          >
            Reset
          </Button>
          <Button type="submit" loading={save.isPending} disabled={unchanged || availability.taken}>
            Save changes
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

const CHECK_DELAY_MS = 350;

/** Asks the server whether a changed, well-formed username is free, once typing pauses. */
function useUsernameAvailability(username: string, current: string) {
  const trpc = useTRPC();
  const [settled, setSettled] = useState(username);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(username), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [username]);

  const parsed = UsernameSchema.safeParse(settled);
  const changed = parsed.success && parsed.data !== UsernameSchema.safeParse(current).data;
  const query = useQuery(
    trpc.accounts.usernameAvailable.queryOptions({ username: settled }, { enabled: changed, staleTime: 10_000 }),
  );
  const upToDate = settled === username && changed;
  return {
    checking: upToDate && query.isFetching,
    taken: upToDate && query.data?.available === false && query.data.reason === "That username is taken.",
    available: upToDate && query.data?.available === true,
  };
}
