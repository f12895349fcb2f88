"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import type { ChatUser } from "./chat-types";
import { PeopleSearch } from "./people-search";
import { describeError } from "./send-errors";
import { useChatCache } from "./use-chat-cache";

/** A group: a name and the people in it (I am its admin). */
export function NewGroupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cache = useChatCache();
  const [name, setName] = useState("");
  const [members, setMembers] = useState<ChatUser[]>([]);
  const create = useMutation(
    trpc.chat.createGroup.mutationOptions({
      onSuccess: (conversation) => {
        void cache.invalidateList();
        setName("");
        setMembers([]);
        onClose();
        router.push(`/chat/${conversation.id}`);
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), memberIds: members.map((member) => member.id) });
  };
  const toggle = (person: ChatUser) =>
    setMembers((current) => (current.some((member) => member.id === person.id) ? current.filter((member) => member.id !== person.id) : [...current, person]));

  return (
    <Dialog open={open} onClose={onClose} title="New group">
      {open ? (
        <form onSubmit={onSubmit} className="space-y-4">
          <TextField label="Group name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} />
          <PeopleSearch
            renderAction={(person) => {
              const added = members.some((member) => member.id === person.id);
              return (
                <Button size="sm" variant={added ? "primary" : "secondary"} aria-pressed={added} onClick={() => toggle(person)}>
                  {added ? "Added" : "Add"}
                  <span className="sr-only"> {person.name}</span>
                </Button>
              );
            }}
          />
          {members.length > 0 ? (
            <div aria-label="Members to add" className="flex flex-wrap gap-1.5">
              {members.map((member) => (
                <Badge key={member.id} tone="accent">
                  {member.name}
                </Badge>
              ))}
            </div>
          ) : null}
          {create.isError ? <Alert>{describeError(create.error)}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={name.trim().length === 0}>
              Create group
            </Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
