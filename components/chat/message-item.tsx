"use client";

import { useRef, useState, type FormEvent } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { Menu, MenuItem, MenuSeparator } from "@/components/ui/menu";
import { Popover } from "@/components/ui/popover";
import { formatTime } from "./chat-time";
import type { ChatAttachment, ChatUser, ConversationMember, MessageView } from "./chat-types";
import { EmojiPicker } from "./emoji-picker";
import { LinkPreviewCard } from "./link-preview-card";
import { MessageAttachments } from "./message-attachments";
import { MessageReactions, QUICK_REACTIONS } from "./message-reactions";
import { MessageStatus, type DeliveryStatus } from "./message-status";
import { MessageText } from "./message-text";

export type MessageActions = {
  onReply: (message: MessageView) => void;
  onReact: (message: MessageView, emoji: string) => void;
  onEdit: (message: MessageView, body: string) => Promise<void>;
  onDelete: (message: MessageView) => Promise<void>;
  onPin: (message: MessageView, pinned: boolean) => void;
  /** Opens the message's thread in the side panel (a full-screen sheet on phones). */
  onOpenThread: (message: MessageView) => void;
};

export type MessageItemProps = {
  /** Null for a message of mine the server has not confirmed yet. */
  message: MessageView | null;
  sender: ChatUser;
  body: string;
  replyTo: MessageView["replyTo"];
  attachments: ChatAttachment[];
  createdAt: Date;
  mine: boolean;
  /** A follow-up from the same sender: no avatar or name. */
  grouped: boolean;
  status: DeliveryStatus | null;
  readBy: ConversationMember[];
  isGroup: boolean;
  highlighted: boolean;
  replyAuthor: string | null;
  actions: MessageActions;
  error?: string;
  onRetry?: () => void;
  onDiscard?: () => void;
};

/** One message: bubble, quoted reply, attachments, reactions, time and (mine) delivery status, with its actions. */
export function MessageItem(props: MessageItemProps) {
  const { message, sender, body, mine, grouped, highlighted, actions } = props;
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [pickingEmoji, setPickingEmoji] = useState(false);
  // The picker opens from the React menu, which has put focus back on its button: that is where it returns.
  const pickerOpener = useRef<HTMLElement | null>(null);
  const openPicker = () => {
    pickerOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPickingEmoji(true);
  };
  const closePicker = () => {
    setPickingEmoji(false);
    if (pickerOpener.current?.isConnected) pickerOpener.current.focus();
  };
  const toolbar = useRef<HTMLDivElement>(null);
  const deleted = message?.deletedAt != null;

  return (
    <li
      id={message ? `message-${message.seq}` : undefined}
      data-seq={message?.seq}
      aria-label={`${mine ? "You" : sender.name}, ${formatTime(props.createdAt)}`}
      className={cn("group/message flex gap-2 px-4", grouped ? "mt-0.5" : "mt-3", mine && "flex-row-reverse")}
    >
      <div className="w-8 shrink-0">{!mine && !grouped ? <Avatar name={sender.name} image={sender.image} size="sm" /> : null}</div>
      <div className={cn("flex max-w-[min(36rem,80%)] min-w-0 flex-col", mine ? "items-end" : "items-start")}>
        {!mine && !grouped && props.isGroup ? <p className="mb-0.5 text-xs font-medium text-muted">{sender.name}</p> : null}
        <div
          className={cn(
            "rounded-2xl px-3 py-2 text-sm wrap-anywhere whitespace-pre-wrap transition-colors",
            mine ? "bg-accent text-accent-fg" : "bg-surface-2 text-fg",
            deleted && "bg-transparent text-muted italic ring-1 ring-border",
            highlighted && "ring-4 ring-warning",
          )}
        >
          {props.replyTo ? (
            <p className={cn("mb-1 border-l-2 pl-2 text-xs opacity-80", mine ? "border-accent-fg/60" : "border-accent")}>
              <span className="font-medium">{props.replyAuthor ?? "Reply"}</span>
              <span className="block truncate">{props.replyTo.deleted ? "message deleted" : props.replyTo.preview}</span>
            </p>
          ) : null}
          {deleted ? (
            "message deleted"
          ) : editing && message ? (
            <EditForm
              initial={body}
              onCancel={() => setEditing(false)}
              onSave={async (next) => {
                await actions.onEdit(message, next);
                setEditing(false);
              }}
            />
          ) : body ? (
            <MessageText body={body} />
          ) : null}
          {!deleted ? <MessageAttachments attachments={props.attachments} /> : null}
        </div>
        {message?.linkPreview && !deleted ? <LinkPreviewCard preview={message.linkPreview} /> : null}
        {message && !deleted ? <MessageReactions reactions={message.reactions} onToggle={(emoji) => actions.onReact(message, emoji)} /> : null}
        {message && message.threadReplyCount > 0 ? <ThreadLine message={message} onOpen={() => actions.onOpenThread(message)} /> : null}
        <p className="mt-0.5 flex items-center gap-1.5 text-[11px] text-muted">
          <time dateTime={props.createdAt.toISOString()}>{formatTime(props.createdAt)}</time>
          {message?.editedAt && !deleted ? <span>· edited</span> : null}
          {message?.pinned ? <span>· 📌 pinned</span> : null}
          {mine && props.status ? <MessageStatus status={props.status} readBy={props.readBy} isGroup={props.isGroup} /> : null}
        </p>
        {props.status === "failed" ? (
          <p className="mt-1 flex items-center gap-2 text-xs text-danger">
            {props.error ?? "Not sent."}
            <button type="button" className="underline" onClick={props.onRetry}>
              Retry
            </button>
            <button type="button" className="underline" onClick={props.onDiscard}>
              Discard
            </button>
          </p>
        ) : null}
      </div>
      {message && !deleted && !editing ? (
        <div ref={toolbar} className="flex items-start gap-0.5 self-center opacity-100 sm:opacity-0 sm:group-focus-within/message:opacity-100 sm:group-hover/message:opacity-100">
          <Menu label="React" align={mine ? "start" : "end"} triggerClassName="rounded-md p-1 text-muted hover:bg-surface-2" trigger={<span aria-hidden="true">☺</span>}>
            <div className="flex gap-1 p-1">
              {QUICK_REACTIONS.map((emoji) => (
                <MenuItem key={emoji} onSelect={() => actions.onReact(message, emoji)}>
                  <span aria-label={`React with ${emoji}`}>{emoji}</span>
                </MenuItem>
              ))}
            </div>
            <MenuSeparator />
            <MenuItem onSelect={openPicker}>More emoji…</MenuItem>
          </Menu>
          <Popover anchor={toolbar} open={pickingEmoji} onClose={closePicker} label="Pick a reaction" align={mine ? "start" : "end"}>
            <EmojiPicker
              onPick={(emoji) => {
                closePicker();
                actions.onReact(message, emoji);
              }}
            />
          </Popover>
          <Menu label="Message actions" align={mine ? "start" : "end"} triggerClassName="rounded-md p-1 text-muted hover:bg-surface-2" trigger={<span aria-hidden="true">⋯</span>}>
            <MenuItem onSelect={() => actions.onReply(message)}>Reply</MenuItem>
            <MenuItem onSelect={() => actions.onOpenThread(message)}>Reply in thread</MenuItem>
            <MenuItem onSelect={() => actions.onPin(message, !message.pinned)}>{message.pinned ? "Unpin" : "Pin"}</MenuItem>
            {mine ? <MenuItem onSelect={() => setEditing(true)}>Edit</MenuItem> : null}
            {mine ? <MenuItem onSelect={() => setConfirmDelete(true)}>Delete</MenuItem> : null}
          </Menu>
        </div>
      ) : null}
      {message ? (
        <Dialog
          open={confirmDelete}
          onClose={() => setConfirmDelete(false)}
          title="Delete this message?"
          description="Everyone in the conversation will see “message deleted” instead."
          footer={
            <>
              <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
                Cancel
              </Button>
              <Button
                variant="danger"
                onClick={() => {
                  setConfirmDelete(false);
                  void actions.onDelete(message);
                }}
              >
                Delete
              </Button>
            </>
          }
        />
      ) : null}
    </li>
  );
}

/** "3 replies · last reply 3:05 PM": opens the thread. Shown under a deleted parent too, so its thread stays reachable. */
function ThreadLine({ message, onOpen }: { message: MessageView; onOpen: () => void }) {
  const count = message.threadReplyCount;
  const label = `${count} ${count === 1 ? "reply" : "replies"}`;
  const last = message.threadLastReplyAt;
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-label={last ? `${label}, last reply ${formatTime(last)}` : label}
      className="mt-1 flex items-center gap-1.5 rounded-md px-1 text-xs font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-ring"
    >
      <span>{label}</span>
      {last ? (
        <span className="font-normal text-muted">
          · last reply <time dateTime={last.toISOString()}>{formatTime(last)}</time>
        </span>
      ) : null}
    </button>
  );
}

function EditForm({ initial, onSave, onCancel }: { initial: string; onSave: (body: string) => Promise<void>; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    setSaving(true);
    try {
      await onSave(value.trim());
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit} className="w-72 max-w-full space-y-2 text-fg">
      <Textarea
        aria-label="Edit message"
        value={value}
        autoFocus
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
          if (event.key === "Enter" && !event.shiftKey) void submit(event);
        }}
        className="min-h-16"
      />
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" type="submit" loading={saving}>
          Save
        </Button>
      </div>
    </form>
  );
}
