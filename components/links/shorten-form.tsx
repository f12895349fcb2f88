"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import type { LinkView } from "@/server/links/manage/link-view";
import { ExpiryField, NO_EXPIRY, expiryFromChoice, type ExpiryChoice } from "./expiry-field";
import { linkFormErrorsOf, parseTags, type LinkFormErrors } from "./link-form-errors";
import { LinkResult } from "./link-result";
import { withUtm, type Utm } from "./utm";
import { NO_TARGETING, TargetingFields, type TargetingValue } from "./targeting-fields";
import { UtmFields } from "./utm-fields";

const MIN_PASSWORD_LENGTH = 4;

/** The shorten form; on success it shows the result (short URL, copy, QR) and refreshes "My links". */
export function ShortenForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [alias, setAlias] = useState("");
  const [expiry, setExpiry] = useState<ExpiryChoice>(NO_EXPIRY);
  const [title, setTitle] = useState("");
  const [tags, setTags] = useState("");
  const [password, setPassword] = useState("");
  const [utm, setUtm] = useState<Utm>({});
  const [targeting, setTargeting] = useState<TargetingValue>(NO_TARGETING);
  const [showMore, setShowMore] = useState(false);
  const [errors, setErrors] = useState<LinkFormErrors>({});
  const [created, setCreated] = useState<LinkView | null>(null);

  const create = useMutation(
    trpc.links.create.mutationOptions({
      onSuccess: (link) => {
        setCreated(link);
        setUrl("");
        setAlias("");
        setExpiry(NO_EXPIRY);
        setTitle("");
        setTags("");
        setPassword("");
        setUtm({});
        setTargeting(NO_TARGETING);
        void queryClient.invalidateQueries(trpc.links.list.pathFilter());
      },
      onError: (error) => {
        // The last link's "Short link ready" card under this error would read as success.
        setCreated(null);
        const next = linkFormErrorsOf(error);
        // Optional fields live behind "More options": open it when the problem is there.
        if (next.title || next.tags || next.password || next.iosUrl || next.androidUrl || next.countries) setShowMore(true);
        setErrors(next);
      },
    }),
  );

  const clear = (field: keyof LinkFormErrors) => setErrors((current) => (current[field] || current.form ? { ...current, [field]: undefined, form: undefined } : current));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: LinkFormErrors = {};
    if (!url.trim()) next.url = "Please enter the link to shorten.";
    const chosenExpiry = expiryFromChoice(expiry);
    if (!chosenExpiry.ok) next.expiresAt = chosenExpiry.message;
    if (password && password.length < MIN_PASSWORD_LENGTH) next.password = `Passwords have at least ${MIN_PASSWORD_LENGTH} characters.`;
    setErrors(next);
    if (Object.keys(next).length > 0 || !chosenExpiry.ok) return;
    create.mutate({
      url: withUtm(url.trim(), utm),
      ...(alias.trim() ? { customAlias: alias.trim() } : {}),
      expiresAt: chosenExpiry.expiresAt,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(tags.trim() ? { tags: parseTags(tags) } : {}),
      ...(password ? { password } : {}),
      ...(targeting.iosUrl.trim() || targeting.androidUrl.trim() || targeting.countries.length > 0 ? { targeting } : {}),
    });
  };

  return (
    <div className="space-y-4">
      <Card>
        <form onSubmit={submit} noValidate aria-label="Shorten a link">
          <CardBody className="space-y-4">
            <TextField
              label="Long URL"
              name="url"
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder="https://example.com/a/very/long/path"
              value={url}
              onChange={(event) => {
                setUrl(event.target.value);
                clear("url");
              }}
              error={errors.url}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Custom alias (optional)"
                name="customAlias"
                autoCapitalize="none"
                spellCheck={false}
                placeholder="spring-sale"
                value={alias}
                onChange={(event) => {
                  setAlias(event.target.value);
                  clear("customAlias");
                }}
                error={errors.customAlias}
                hint="3–50 letters, digits, '-' or '_'. Leave empty for a random code."
              />
              <ExpiryField
                value={expiry}
                onChange={(choice) => {
                  setExpiry(choice);
                  clear("expiresAt");
                }}
                error={errors.expiresAt}
              />
            </div>
            <div>
              <button
                type="button"
                aria-expanded={showMore}
                onClick={() => setShowMore((open) => !open)}
                className="text-sm font-medium text-accent-text underline-offset-4 hover:underline"
              >
                {showMore ? "Fewer options" : "More options: title, tags, password, UTM, targeting"}
              </button>
            </div>
            {showMore ? (
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  label="Title (optional)"
                  name="title"
                  maxLength={200}
                  value={title}
                  onChange={(event) => {
                    setTitle(event.target.value);
                    clear("title");
                  }}
                  error={errors.title}
                />
                <TextField
                  label="Tags (optional)"
                  name="tags"
                  placeholder="newsletter, launch"
                  value={tags}
                  onChange={(event) => {
                    setTags(event.target.value);
                    clear("tags");
                  }}
                  error={errors.tags}
                  hint="Separate tags with commas; at most 10."
                />
                <TextField
                  label="Password (optional)"
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  maxLength={128}
                  value={password}
                  onChange={(event) => {
                    setPassword(event.target.value);
                    clear("password");
                  }}
                  error={errors.password}
                  hint={`Visitors enter it before they are sent on. At least ${MIN_PASSWORD_LENGTH} characters.`}
                />
                <div className="sm:col-span-2">
                  <UtmFields url={url} value={utm} onChange={setUtm} />
                </div>
                <div className="sm:col-span-2">
                  <TargetingFields value={targeting} onChange={setTargeting} errors={errors} />
                </div>
              </div>
            ) : null}
            {errors.form ? <Alert>{errors.form}</Alert> : null}
          </CardBody>
          <CardFooter className="justify-end">
            <Button type="submit" loading={create.isPending}>
              Shorten
            </Button>
          </CardFooter>
        </form>
      </Card>
      {created ? <LinkResult key={created.id} link={created} /> : null}
    </div>
  );
}
