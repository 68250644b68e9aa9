import { useEffect } from 'react';

/** Sets the tab title the way Spark does ("<app name> - <page>"), so many open tabs stay tellable apart. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title !== undefined) document.title = title;
  }, [title]);
}
