"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { ChatMe, ConversationDetail } from "./chat-types";
import { PeopleSearch } from "./people-search";
import { describeError } from "./send-errors";
import { useChatCache } from "./use-chat-cache";

/** A group's "Members" button and dialog: rename, add and remove people (admins), leave (anyone). */
export function GroupMembersButton({ conversation, me }: { conversation: ConversationDetail; me: ChatMe }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const cache = useChatCache();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(conversation.name);
  const isAdmin = conversation.role === "admin";
  const refresh = () => {
    void cache.invalidateConversation(conversation.id);
    void cache.invalidateList();
  };
  const onError = (error: unknown) => toast.show({ tone: "error", title: "That did not work", description: describeError(error) });
  const rename = useMutation(trpc.chat.renameGroup.mutationOptions({ onSuccess: refresh, onError }));
  const add = useMutation(trpc.chat.addMembers.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(trpc.chat.removeMember.mutationOptions({ onSuccess: refresh, onError }));
  const leave = useMutation(
    trpc.chat.leave.mutationOptions({
      onSuccess: () => {
        void cache.invalidateList();
        router.push("/chat");
      },
      onError,
    }),
  );
  const memberIds = new Set(conversation.members.map((member) => member.user.id));

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Members
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`${conversation.name} · ${conversation.memberCount} members`}>
        {open ? (
          <div className="space-y-5">
            {isAdmin ? (
              <form
                className="flex items-end gap-2"
                onSubmit={(event: FormEvent) => {
                  event.preventDefault();
                  if (name.trim()) rename.mutate({ conversationId: conversation.id, name: name.trim() });
                }}
              >
                <label className="flex-1 space-y-1.5 text-sm font-medium text-fg">
                  Group name
                  <Input value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
                </label>
                <Button type="submit" variant="secondary" loading={rename.isPending}>
                  Rename
                </Button>
              </form>
            ) : null}
            <ul aria-label="Members" className="max-h-64 divide-y divide-border overflow-y-auto">
              {conversation.members.map((member) => (
                <li key={member.user.id} className="flex items-center gap-3 py-2">
                  <Avatar name={member.user.name} image={member.user.image} size="sm" />
                  <span className="min-w-0 flex-1 truncate text-sm text-fg">
                    {member.user.name}
                    {member.user.id === me.id ? " (you)" : ""}
                  </span>
                  {member.role === "admin" ? <Badge tone="accent">Admin</Badge> : null}
                  {isAdmin && member.user.id !== me.id ? (
                    <Button size="sm" variant="ghost" onClick={() => remove.mutate({ conversationId: conversation.id, userId: member.user.id })}>
                      Remove<span className="sr-only"> {member.user.name}</span>
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
            {isAdmin ? (
              <PeopleSearch
                renderAction={(person) =>
                  memberIds.has(person.id) ? (
                    <span className="text-xs text-muted">Member</span>
                  ) : (
                    <Button size="sm" variant="secondary" onClick={() => add.mutate({ conversationId: conversation.id, userIds: [person.id] })}>
                      Add<span className="sr-only"> {person.name}</span>
                    </Button>
                  )
                }
              />
            ) : null}
            <div className="flex justify-between gap-2 border-t border-border pt-4">
              <Button variant="danger" loading={leave.isPending} onClick={() => leave.mutate({ conversationId: conversation.id })}>
                Leave group
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                Close
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
