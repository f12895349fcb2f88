import type { ReactNode } from "react";
import { cn } from "./cn";

/** An inline message block, e.g. a form-level error. Errors are announced (role="alert"). */
export function Alert({
  tone = "danger",
  title,
  children,
  className,
}: {
  tone?: "danger" | "info" | "success" | "warning";
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  const tones = {
    danger: "border-danger/40 bg-danger-soft text-danger",
    info: "border-border bg-surface-2 text-fg",
    success: "border-success/40 bg-success-soft text-success",
    warning: "border-warning/40 bg-warning-soft text-warning",
  } as const;
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={cn("rounded-lg border px-4 py-3 text-sm", tones[tone], className)}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
