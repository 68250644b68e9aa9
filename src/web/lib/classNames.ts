/** Joins class names, skipping falsy ones (conditional Tailwind classes). */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
