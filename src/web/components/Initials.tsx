import { cx } from '../lib/classNames.js';

const COLOURS = [
  'bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-100',
  'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100',
  'bg-amber-100 text-amber-800 dark:bg-amber-900 dark:text-amber-100',
  'bg-violet-100 text-violet-800 dark:bg-violet-900 dark:text-violet-100',
  'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-100',
  'bg-teal-100 text-teal-800 dark:bg-teal-900 dark:text-teal-100',
];

/** "Alice Chen" → "AC"; one word → its first two letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s._@-]+/).filter((w) => w !== '');
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[1]![0]!).toUpperCase();
}

function colourOf(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length]!;
}

/** A person's initials in a coloured circle (the same colour for the same name everywhere). */
export function Initials({ name, title, className }: { name: string; title?: string; className?: string }) {
  return (
    <span
      className={cx('inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold ring-2 ring-white dark:ring-slate-950', colourOf(name), className)}
      title={title}
      aria-hidden={title === undefined ? true : undefined}
      role={title === undefined ? undefined : 'img'}
      aria-label={title}
    >
      {initialsOf(name)}
    </span>
  );
}
