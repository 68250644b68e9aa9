import type { CSSProperties, ReactNode } from 'react';

/**
 * Fills the whole table cell with Spark's shading colour: the table's cells carry padding, so the background
 * sits on an inner block that cancels it out.
 */
export function ShadedCell({ style, children, title }: { style: CSSProperties | undefined; children: ReactNode; title?: string }) {
  if (style === undefined) return <>{children}</>;
  return (
    <div className="-mx-2 -my-1 px-2 py-1" style={style} title={title} data-shaded="true">
      {children}
    </div>
  );
}
