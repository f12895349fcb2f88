import { cn } from "@/components/ui/cn";

/** A labelled progress bar (role="progressbar" with its value), for uploads and other long work. */
export function ProgressBar({ label, percent, tone = "accent", className }: { label: string; percent: number; tone?: "accent" | "success"; className?: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex justify-between text-sm">
        <span className="text-fg">{label}</span>
        <span className="text-muted tabular-nums">{value}%</span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={100} className="h-2 overflow-hidden rounded-full bg-surface-2">
        <div className={cn("h-full rounded-full transition-[width] duration-300", tone === "success" ? "bg-success" : "bg-accent")} style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
