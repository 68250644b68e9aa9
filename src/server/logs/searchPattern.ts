/*
 * What a log search looks for, compiled once per request. A plain text is a literal; a regular expression is
 * checked before it runs, because JavaScript's backtracking engine cannot be interrupted: patterns whose
 * matching time can explode on a long line (nested or alternated quantified groups, back-references,
 * look-arounds, many unbounded repeats) are refused with a clear message instead of pinning a core.
 */

import { LOG_SEARCH_TEXT_MAX } from '../../api/console/logSearch.js';

export interface SearchSpec {
  readonly q: string;
  readonly regex: boolean;
  readonly matchCase: boolean;
}

export interface CompiledPattern {
  /** Global, multiline regex over the decoded text; ^ and $ are line ends. */
  readonly regex: RegExp;
  /** A plain text, case kept or (ASCII only) ignored: found through a rare two-byte window (see WindowedLiteral). */
  readonly literal: WindowedLiteral | undefined;
  /** The pattern is ASCII, so text decoded as latin1 (one char per byte) matches the same bytes. */
  readonly ascii: boolean;
}

export const MAX_PATTERN_LENGTH = LOG_SEARCH_TEXT_MAX;
const MAX_UNBOUNDED_REPEATS = 4;

export class PatternError extends Error {}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// eslint-disable-next-line no-control-regex
const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

/** Compiles a search, or throws PatternError with a message fit for a 400 answer. */
export function compilePattern(spec: SearchSpec): CompiledPattern {
  const { q, regex, matchCase } = spec;
  if (q === '') throw new PatternError('the search text "q" is empty');
  if ([...q].length > MAX_PATTERN_LENGTH) throw new PatternError(`the search text is longer than ${MAX_PATTERN_LENGTH} characters`);
  if (q.includes('\n') || q.includes('\r')) throw new PatternError('a search matches within one line: the text cannot hold a line break');
  const source = regex ? q : escapeRegex(q);
  if (regex) refuseExpensive(q);
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, matchCase ? 'gm' : 'gim');
  } catch (err) {
    throw new PatternError(`invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (regex && compiled.test('')) throw new PatternError('the regular expression matches the empty text; it would match everywhere');
  compiled.lastIndex = 0;
  const ascii = isAscii(q);
  return { regex: compiled, literal: regex || (!matchCase && !ascii) ? undefined : windowedLiteral(q, !matchCase), ascii };
}

/**
 * Plain-text search without a regex: every spelling of the text's rarest two-byte window (one, or each
 * upper/lower-case mix when case is ignored) is found with Buffer.indexOf, a native scan that a two-byte
 * needle makes fastest, and each candidate is compared in full. A case-insensitive regex cannot skip ahead
 * like this, and a long needle's indexOf is slower than a short one's.
 */
export interface WindowedLiteral {
  /** The text's UTF-8 bytes, lower-cased when case is ignored. */
  readonly bytes: Buffer;
  readonly ignoreCase: boolean;
  /** Where the window starts in the text. */
  readonly windowAt: number;
  /** Every upper/lower-case spelling of the window. */
  readonly windowSpellings: readonly Buffer[];
}

/** Rough rarity of a byte in log text: lower is rarer (letters by English frequency; digits and spaces are common). */
function commonness(c: string): number {
  const rank = 'etaoinshrdlcumwfgypbvkjxqz'.indexOf(c.toLowerCase());
  if (rank >= 0) return 26 - rank;
  if (c === ' ') return 40;
  if (/\d/.test(c)) return 20;
  return 8;
}

function windowedLiteral(q: string, ignoreCase: boolean): WindowedLiteral {
  const lower = ignoreCase ? q.toLowerCase() : q;
  const width = Math.min(2, lower.length);
  let windowAt = 0;
  let best = Infinity;
  for (let i = 0; i + width <= lower.length; i++) {
    const score = [...lower.slice(i, i + width)].reduce((n, c) => n + commonness(c), 0);
    if (score < best) {
      best = score;
      windowAt = i;
    }
  }
  const bytes = Buffer.from(lower, 'utf8');
  if (!ignoreCase) {
    // Bytes, not characters: the window is taken at the same place in the UTF-8 form.
    const at = Buffer.byteLength(lower.slice(0, windowAt));
    const w = Math.min(2, bytes.length - at);
    return { bytes, ignoreCase, windowAt: at, windowSpellings: [bytes.subarray(at, at + w)] };
  }
  let spellings = [''];
  for (const c of lower.slice(windowAt, windowAt + width)) {
    const cases = c.toUpperCase() === c ? [c] : [c, c.toUpperCase()];
    spellings = spellings.flatMap((s) => cases.map((k) => s + k));
  }
  return { bytes, ignoreCase, windowAt, windowSpellings: spellings.map((s) => Buffer.from(s, 'latin1')) };
}

/**
 * Refuses the shapes that make a backtracking engine slow: a quantified group holding a quantifier or an
 * alternation (`(a+)+`, `(a|ab)*`), back-references, look-arounds, and more than a few unbounded repeats.
 */
function refuseExpensive(q: string): void {
  // Per open group: does it hold a quantifier or an alternation?
  const groups: { risky: boolean }[] = [];
  let unbounded = 0;
  let lastClosed: { risky: boolean } | undefined;
  for (let i = 0; i < q.length; i++) {
    const c = q[i]!;
    let closed: { risky: boolean } | undefined;
    if (c === '\\') {
      const next = q[i + 1] ?? '';
      if (/[1-9k]/.test(next)) throw new PatternError('back-references are not supported in log search');
      i++;
    } else if (c === '[') {
      // Skip the character class (quantifiers inside it are plain characters).
      i++;
      if (q[i] === '^') i++;
      if (q[i] === ']') i++;
      while (i < q.length && q[i] !== ']') i += q[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      if (q[i + 1] === '?' && /[=!<]/.test(q[i + 2] ?? '') && !(q[i + 2] === '<' && /[A-Za-z]/.test(q[i + 3] ?? ''))) {
        throw new PatternError('look-ahead and look-behind are not supported in log search');
      }
      groups.push({ risky: false });
    } else if (c === ')') {
      closed = groups.pop();
      if (closed?.risky && groups.length > 0) groups[groups.length - 1]!.risky = true;
    } else if (c === '|') {
      if (groups.length > 0) groups[groups.length - 1]!.risky = true;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      const bounded = c === '?' || (c === '{' && /^\{\d+(,\d+)?\}/.test(q.slice(i)));
      if (!bounded) unbounded++;
      if (lastClosed?.risky && !bounded) throw new PatternError('nested or alternated repeats like (a+)+ or (a|b)* can take exponential time; simplify the regular expression');
      for (const g of groups) g.risky = true;
      if (c === '{') while (i < q.length && q[i] !== '}') i++;
      if (q[i + 1] === '?' || q[i + 1] === '+') i++;
    }
    lastClosed = closed;
  }
  if (unbounded > MAX_UNBOUNDED_REPEATS) throw new PatternError(`at most ${MAX_UNBOUNDED_REPEATS} unbounded repeats (*, +) in one regular expression`);
}
