/** Space kept between a floating panel and the viewport's edges, and between the panel and its anchor. */
export const EDGE_PX = 8;

/**
 * Positions a `position: fixed` panel below its anchor (above it when the
 * viewport has no room below), aligned to the anchor's start or end edge, and
 * never past the viewport: menus and popovers opened from a scrolled pane
 * near its edge stay whole and clickable.
 */
export function placeWithinViewport(panel: HTMLElement, anchor: DOMRect, align: "start" | "end"): void {
  const { width, height } = panel.getBoundingClientRect();
  const viewportWidth = document.documentElement.clientWidth;
  const viewportHeight = window.innerHeight;
  const wanted = align === "end" ? anchor.right - width : anchor.left;
  const left = Math.min(Math.max(EDGE_PX, wanted), viewportWidth - width - EDGE_PX);
  const below = anchor.bottom + EDGE_PX;
  const above = anchor.top - EDGE_PX - height;
  const top = below + height <= viewportHeight - EDGE_PX || above < EDGE_PX ? below : above;
  panel.style.left = `${Math.max(EDGE_PX, left)}px`;
  panel.style.top = `${Math.max(EDGE_PX, Math.min(top, viewportHeight - height - EDGE_PX))}px`;
}
