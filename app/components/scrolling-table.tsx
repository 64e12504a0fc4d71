// A table wider than a phone scrolls on its own; a keyboard must then be able to reach it and scroll it (WCAG
// 2.1.1), so the region is focusable and named by the heading or caption it gives.
import type { ReactNode } from "react";

export function ScrollingTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="council-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
