import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { LinkStatus } from "@/server/links/manage/link-view";

const TONES: Record<LinkStatus, BadgeTone> = { active: "success", expired: "warning", disabled: "neutral" };
const LABELS: Record<LinkStatus, string> = { active: "Active", expired: "Expired", disabled: "Disabled" };

export function LinkStatusBadge({ status }: { status: LinkStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
