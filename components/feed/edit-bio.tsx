"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { BIO_MAX_LENGTH } from "@/server/feed/posts/post-text";

/** "Edit bio" on my own profile: a dialog with the text and a live count. */
export function EditBio({ bio }: { bio: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(bio);
  const save = useMutation(
    trpc.feed.people.updateBio.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.feed.people.profile.pathKey() });
        setOpen(false);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ bio: value });
  };
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setValue(bio);
          setOpen(true);
        }}
      >
        Edit bio
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Edit your bio"
        description="A line or two about you, shown on your profile."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" form="edit-bio" loading={save.isPending}>
              Save
            </Button>
          </>
        }
      >
        <form id="edit-bio" onSubmit={submit}>
          <Field label="Bio" hint={`${BIO_MAX_LENGTH - value.length} left`} error={save.isError ? save.error.message : null}>
            {(props) => <Textarea {...props} value={value} maxLength={BIO_MAX_LENGTH} rows={3} onChange={(event) => setValue(event.target.value)} />}
          </Field>
        </form>
      </Dialog>
    </>
  );
}
