import { CHAT_EVENTS, conversationChannel } from "../chat-channels";
import { publishChatEvents } from "../publish-chat-events";

/** Payload of `receipt` on `private-chat-<id>`: how far one member has received and read. */
export type Receipt = { conversationId: string; userId: string; lastDeliveredSeq: number; lastReadSeq: number };

export function publishReceipts(receipts: Receipt[]): Promise<void> {
  return publishChatEvents(receipts.map((receipt) => ({ channel: conversationChannel(receipt.conversationId), event: CHAT_EVENTS.receipt, data: receipt })));
}
