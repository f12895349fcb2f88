"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { LinkView } from "@/server/links/manage/link-view";
import { NO_TARGETING, TargetingFields, type TargetingValue } from "./targeting-fields";
import { ExpiryField, NO_EXPIRY, expiryFromChoice, toLocalInputValue, type ExpiryChoice } from "./expiry-field";
import { linkFormErrorsOf, parseTags, type LinkFormErrors } from "./link-form-errors";
import { SocialCardFields, socialCardChange, socialCardOf } from "./social-card-fields";

type PasswordAction = "keep" | "none" | "set";

const SELECT =
  "block h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm text-fg shadow-xs focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-ring";

/**
 * Edits everything but the code: destination, title, tags, expiry, password, targeting, social card.
 * Only changed fields are sent, so an already expired link can be retitled
 * without the server rejecting its (past) expiry again.
 */
export function EditLinkDialog({ link, onClose }: { link: LinkView; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const formId = useId();
  const initialExpiry: ExpiryChoice = link.expiresAt ? { mode: "at", local: toLocalInputValue(link.expiresAt) } : NO_EXPIRY;
  const [url, setUrl] = useState(link.url);
  const [title, setTitle] = useState(link.title ?? "");
  const [tags, setTags] = useState(link.tags.join(", "));
  const [expiry, setExpiry] = useState<ExpiryChoice>(initialExpiry);
  const [expiryTouched, setExpiryTouched] = useState(false);
  const [passwordAction, setPasswordAction] = useState<PasswordAction>(link.hasPassword ? "keep" : "none");
  const [password, setPassword] = useState("");
  const [targeting, setTargeting] = useState<TargetingValue>(
    link.targeting ? { iosUrl: link.targeting.iosUrl ?? "", androidUrl: link.targeting.androidUrl ?? "", countries: link.targeting.countries } : NO_TARGETING,
  );
  const [card, setCard] = useState(() => socialCardOf(link));
  const [errors, setErrors] = useState<LinkFormErrors>({});

  const update = useMutation(
    trpc.links.update.mutationOptions({
      onSuccess: async (updated) => {
        await queryClient.invalidateQueries(trpc.links.list.pathFilter());
        toast.show({ tone: "success", title: `Saved /${updated.code}` });
        onClose();
      },
      onError: (error) => setErrors(linkFormErrorsOf(error)),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: LinkFormErrors = {};
    if (!url.trim()) next.url = "Please enter the destination.";
    const chosenExpiry = expiryTouched ? expiryFromChoice(expiry) : null;
    if (chosenExpiry && !chosenExpiry.ok) next.expiresAt = chosenExpiry.message;
    if (passwordAction === "set" && password.length < 4) next.password = "Passwords have at least 4 characters.";
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    update.mutate({
      code: link.code,
      ...(url.trim() !== link.url ? { url: url.trim() } : {}),
      title: title.trim() || null,
      tags: parseTags(tags),
      ...(chosenExpiry?.ok ? { expiresAt: chosenExpiry.expiresAt } : {}),
      ...(passwordAction === "set" ? { password } : passwordAction === "none" && link.hasPassword ? { password: null } : {}),
      targeting,
      ...socialCardChange(link, card),
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit /${link.code}`}
      description="The short code stays the same; changes apply to the next redirect."
      className="w-[min(36rem,calc(100vw-2rem))]"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} loading={update.isPending}>
            Save
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="Destination URL"
          type="url"
          value={url}
          onChange={(event) => {
            setUrl(event.target.value);
            setErrors((current) => ({ ...current, url: undefined }));
          }}
          error={errors.url}
        />
        <TextField label="Title" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} error={errors.title} />
        <TextField label="Tags" value={tags} onChange={(event) => setTags(event.target.value)} error={errors.tags} hint="Separate tags with commas." />
        <ExpiryField
          value={expiry}
          onChange={(choice) => {
            setExpiry(choice);
            setExpiryTouched(true);
            setErrors((current) => ({ ...current, expiresAt: undefined }));
          }}
          error={errors.expiresAt}
        />
        <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
          <Field label="Password">
            {(props) => (
              <select {...props} className={SELECT} value={passwordAction} onChange={(event) => setPasswordAction(event.target.value as PasswordAction)}>
                {link.hasPassword ? <option value="keep">Keep the current one</option> : null}
                <option value="none">{link.hasPassword ? "Remove it" : "None"}</option>
                <option value="set">{link.hasPassword ? "Set a new one" : "Set one"}</option>
              </select>
            )}
          </Field>
          {passwordAction === "set" ? (
            <Field label="New password" error={errors.password} hint="Visitors enter it before they are redirected.">
              {(props) => <Input {...props} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
            </Field>
          ) : null}
        </div>
        <TargetingFields value={targeting} onChange={setTargeting} errors={errors} />
        <SocialCardFields link={link} value={card} onChange={setCard} errors={errors} />
        {errors.form ? <Alert>{errors.form}</Alert> : null}
      </form>
    </Dialog>
  );
}
