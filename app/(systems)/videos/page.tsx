import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Video" };

export default function VideoPage() {
  return <ComingSoon slug="videos" />;
}
