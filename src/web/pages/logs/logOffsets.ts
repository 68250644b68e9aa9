/*
 * Byte offsets of the loaded log text. The server speaks bytes (chunks, search matches, deep links), the
 * browser renders UTF-16 lines: these pure functions translate between the two (unit-tested in Node).
 */

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** File offset of each line of `text` (as splitLines cuts it), the text starting at byte `start`. */
export function lineByteStarts(text: string, start: number): number[] {
  const starts: number[] = [];
  let at = start;
  let from = 0;
  while (from < text.length) {
    starts.push(at);
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl + 1;
    at += utf8Length(text.slice(from, end));
    from = end;
  }
  return starts;
}

/** Index of the line holding byte `offset` (the last line starting at or before it); -1 before the first. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The character index in `line` whose UTF-8 prefix is `bytes` long (clamped to the line). */
export function charIndexAtByte(line: string, bytes: number): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (n >= bytes) return i;
    const c = line.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return line.length;
}

export interface HighlightSegment {
  text: string;
  /** `match` for a match of the search, `current` for the one the viewer jumped to. */
  kind?: 'match' | 'current';
}

/**
 * `line` cut into plain and highlighted segments: every match of `pattern` (global), and the current match
 * `[currentFrom, currentTo)` (character indexes), which wins where they overlap.
 */
export function highlightLine(line: string, pattern: RegExp | undefined, current?: readonly [number, number]): HighlightSegment[] {
  const marks: { from: number; to: number; kind: 'match' | 'current' }[] = [];
  if (current) marks.push({ from: current[0], to: Math.max(current[0] + 1, current[1]), kind: 'current' });
  if (pattern) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m !== null && marks.length < 1000; m = pattern.exec(line)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const from = m.index;
      const to = from + m[0].length;
      if (!current || to <= current[0] || from >= current[1]) marks.push({ from, to, kind: 'match' });
    }
  }
  marks.sort((a, b) => a.from - b.from);
  const out: HighlightSegment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.from < at) continue;
    if (m.from > at) out.push({ text: line.slice(at, m.from) });
    out.push({ text: line.slice(m.from, m.to), kind: m.kind });
    at = m.to;
  }
  if (at < line.length || out.length === 0) out.push({ text: line.slice(at) });
  return out;
}

/** The browser-side twin of the server's pattern, for highlighting; undefined when it does not compile. */
export function clientPattern(q: string, regex: boolean, matchCase: boolean): RegExp | undefined {
  if (q === '') return undefined;
  try {
    return new RegExp(regex ? q : q.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), matchCase ? 'g' : 'gi');
  } catch {
    return undefined;
  }
}

/** log4j's default layout (`yy/MM/dd HH:mm:ss LEVEL …`) or Spark 4's JSON layout, at ERROR or WARN. */
export const PROBLEM_LINE_PATTERN = String.raw`^\S+ \S+ (ERROR|WARN)\b|"level":"(ERROR|WARN)"`;
