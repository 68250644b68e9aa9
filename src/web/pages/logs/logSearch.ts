/*
 * Search in the loaded log text: case-insensitive substring matches per line, and a line split into plain
 * and matching segments for highlighting. Pure functions (unit-tested in Node).
 */

export interface LogMatch {
  line: number;
  /** Occurrence index within the line. */
  occurrence: number;
}

/** Every match of `term` (case-insensitive) in `lines`, up to `limit`. */
export function findMatches(lines: readonly string[], term: string, limit = 10_000): { matches: LogMatch[]; truncated: boolean } {
  const needle = term.toLowerCase();
  const matches: LogMatch[] = [];
  if (needle === '') return { matches, truncated: false };
  for (let line = 0; line < lines.length; line++) {
    const hay = lines[line]!.toLowerCase();
    let occurrence = 0;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      if (matches.length >= limit) return { matches, truncated: true };
      matches.push({ line, occurrence: occurrence++ });
    }
  }
  return { matches, truncated: false };
}

export interface Segment {
  text: string;
  /** Occurrence index when this segment is a match. */
  match?: number;
}

/** `line` cut into plain and matching segments (case-insensitive). */
export function highlightSegments(line: string, term: string): Segment[] {
  const needle = term.toLowerCase();
  if (needle === '') return [{ text: line }];
  const hay = line.toLowerCase();
  const out: Segment[] = [];
  let from = 0;
  let occurrence = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
    if (at > from) out.push({ text: line.slice(from, at) });
    out.push({ text: line.slice(at, at + needle.length), match: occurrence++ });
    from = at + needle.length;
  }
  if (from < line.length || out.length === 0) out.push({ text: line.slice(from) });
  return out;
}

/** The text's lines for display (a trailing newline does not make an empty last line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  // Windows line ends show without their carriage return.
  for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
  return lines;
}
