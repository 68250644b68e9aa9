/** The text Spark substitutes for values matching `spark.redaction.regex`. */
export const REDACTED_TEXT = '*********(redacted)';

/**
 * A property value; redacted ones are drawn as a badge so nobody mistakes the asterisks for a real value
 * (the original text stays in the tooltip and in searches).
 */
export function RedactedAwareValue({ value }: { value: string }) {
  if (value !== REDACTED_TEXT) return <span className="break-all">{value}</span>;
  return (
    <span
      className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-900/40 dark:text-amber-200 dark:ring-amber-700"
      title={`${REDACTED_TEXT}: hidden by spark.redaction.regex when the event log was written or read`}
      data-redacted="true"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor">
        <path d="M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
      </svg>
      redacted
    </span>
  );
}
