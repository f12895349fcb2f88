import type { Metadata } from "next";

export const metadata: Metadata = { title: "Chat" };

/** /chat: the sidebar is the page on phones; wide screens show this beside it. */
export default function ChatPage() {
  return (
    <div className="hidden flex-1 items-center justify-center p-8 text-center md:flex">
      <div className="space-y-1">
        <p className="text-base font-semibold text-fg">Select a conversation</p>
        <p className="text-sm text-muted">Or start a new message from the list.</p>
      </div>
    </div>
  );
}
