import type { OutboxMessage } from "@/server/platform/mail";
import { EmptyState } from "@/components/ui/empty-state";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/**
 * The outbox as a table: to, subject, sent at, and the body with links to this
 * app clickable (other addresses stay text: a display name could carry one).
 */
export function MailOutboxTable({ messages, ownOrigin }: { messages: OutboxMessage[]; ownOrigin: string }) {
  if (messages.length === 0) {
    return <EmptyState title="No mail yet" description="Password resets and email confirmations appear here while no SMTP server is configured." />;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Mail kept in the outbox, newest first</caption>
        <thead className="border-b border-border bg-surface-2 text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">To</th>
            <th scope="col" className="px-3 py-2 font-medium">Subject</th>
            <th scope="col" className="px-3 py-2 font-medium">Sent at</th>
            <th scope="col" className="px-3 py-2 font-medium">Body</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border align-top">
          {messages.map((message) => (
            <tr key={message.id}>
              <td className="px-3 py-2 whitespace-nowrap text-fg">{message.to}</td>
              <td className="px-3 py-2 text-fg">{message.subject}</td>
              <td className="px-3 py-2 whitespace-nowrap text-muted">
                <time dateTime={message.sentAt.toISOString()}>{message.sentAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
              </td>
              <td className="max-w-xl px-3 py-2 whitespace-pre-wrap break-words text-fg">
                <MailBody text={message.text} ownOrigin={ownOrigin} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MailBody({ text, ownOrigin }: { text: string; ownOrigin: string }) {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 && originOf(part) === ownOrigin ? (
      <a key={index} href={part} className="font-medium text-accent-text underline underline-offset-2">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
