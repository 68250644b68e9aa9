import { useCallback, useState } from 'react';

/**
 * A boolean preference kept in localStorage, like Spark keeps its SQL page checkbox
 * (`stageId-and-taskId-checked`), so it holds across queries and visits.
 */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const v = localStorage.getItem(key);
      return v === null ? fallback : v === 'true';
    } catch {
      return fallback;
    }
  });
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(key, String(next));
      } catch {
        // Not persisted; the choice still applies to this page.
      }
    },
    [key],
  );
  return [value, set];
}
