/** `yyyy-MM-dd` (an <input type=date> value) → epoch ms of that local day's start; undefined if invalid. */
export function startOfLocalDay(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** The last millisecond of that local day, so "to 2015-02-03" includes apps started during that day. */
export function endOfLocalDay(day: string): number | undefined {
  const start = startOfLocalDay(day);
  if (start === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)!;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime() - 1;
}
