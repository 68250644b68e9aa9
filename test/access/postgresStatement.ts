/*
 * A statement the server runs on SQLite (better-sqlite3 placeholders: `?` and `@name`), rewritten for
 * PostgreSQL's PREPARE ($1, $2 …; one number per distinct name), with the column each parameter is stored
 * in or compared with, so a test can bind a stored row's values to it.
 */

export interface StatementParameter {
  /** `@name`'s name, or `?1`, `?2` … for positional ones in text order. */
  key: string;
  /** The column the parameter is assigned to (INSERT … VALUES, SET) or compared with (WHERE), when there is one. */
  column: string | undefined;
}

export interface PostgresStatement {
  text: string;
  /** Parameter i is PostgreSQL's $(i + 1). */
  params: StatementParameter[];
}

/** The INSERT column list and the span of its VALUES list, when `sql` is an INSERT … VALUES. */
function insertColumns(sql: string): { columns: string[]; from: number; to: number } | undefined {
  const m = /INSERT\s+INTO\s+\w+\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)/i.exec(sql);
  if (!m) return undefined;
  const from = m.index + m[0].length - m[2]!.length - 1;
  return { columns: m[1]!.split(',').map((c) => c.trim()), from, to: from + m[2]!.length };
}

/** The column a placeholder at `at` stands for: the name before `=`/`<`/`>`, or its place in a VALUES list. */
function columnAt(sql: string, at: number, insert: ReturnType<typeof insertColumns>, placeholderStarts: number[]): string | undefined {
  if (insert && at >= insert.from && at < insert.to) {
    const index = placeholderStarts.filter((p) => p >= insert.from && p < at).length;
    return insert.columns[index];
  }
  return /(\w+)\s*(?:=|<=|>=|<|>)\s*$/.exec(sql.slice(0, at))?.[1];
}

export function toPostgres(sql: string): PostgresStatement {
  const insert = insertColumns(sql);
  const found: { start: number; end: number; name: string | undefined }[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      // A quoted string or identifier: '' (or "") inside it is an escaped quote.
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      i = j;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '?') {
      if (/\d/.test(sql[i + 1] ?? '')) throw new Error(`numbered ?NNN placeholders are not translated: ${sql}`);
      found.push({ start: i, end: i + 1, name: undefined });
    } else if (c === '@' || c === ':' || c === '$') {
      const name = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))?.[0];
      if (!name) continue;
      if (c !== '@') throw new Error(`${c}name placeholders are not translated: ${sql}`);
      found.push({ start: i, end: i + 1 + name.length, name });
    }
  }
  const starts = found.map((f) => f.start);
  const params: StatementParameter[] = [];
  let text = '';
  let last = 0;
  let positional = 0;
  for (const f of found) {
    const key = f.name ?? `?${++positional}`;
    let index = params.findIndex((p) => p.key === key);
    if (index < 0 || f.name === undefined) {
      params.push({ key, column: columnAt(sql, f.start, insert, starts) });
      index = params.length - 1;
    }
    text += `${sql.slice(last, f.start)}$${index + 1}`;
    last = f.end;
  }
  return { text: text + sql.slice(last), params };
}

/** A value as a SQL literal, the way a driver sends a text parameter (PostgreSQL converts it to the parameter's type). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return `'${String(value)}'`;
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`no SQL literal for ${typeof value}`);
}
