import { describe, expect, it } from 'vitest';
import { sqlLiteral, toPostgres } from './postgresStatement.js';

describe('SQLite placeholders rewritten for PostgreSQL', () => {
  it('numbers positional parameters in order and names the column each is compared with', () => {
    expect(toPostgres('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')).toEqual({
      text: 'UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      params: [
        { key: '?1', column: 'revoked_at' },
        { key: '?2', column: 'id' },
      ],
    });
  });

  it('gives a repeated name one number, and maps VALUES to the INSERT column list', () => {
    const { text, params } = toPostgres('INSERT INTO t (a, b_c) VALUES (@a, @bC) ON CONFLICT (a) DO UPDATE SET b_c = @bC WHERE t.a = @a');
    expect(text).toBe('INSERT INTO t (a, b_c) VALUES ($1, $2) ON CONFLICT (a) DO UPDATE SET b_c = $2 WHERE t.a = $1');
    expect(params).toEqual([
      { key: 'a', column: 'a' },
      { key: 'bC', column: 'b_c' },
    ]);
  });

  it('leaves question marks and at signs inside strings, quoted names and comments alone', () => {
    const sql = `SELECT "a?b", 'it''s @x ?' -- why? @y\nFROM t WHERE c >= @c AND d < ?`;
    expect(toPostgres(sql).text).toBe(`SELECT "a?b", 'it''s @x ?' -- why? @y\nFROM t WHERE c >= $1 AND d < $2`);
    expect(toPostgres(sql).params.map((p) => p.column)).toEqual(['c', 'd']);
  });

  it('refuses placeholder forms it does not translate instead of passing them through', () => {
    expect(() => toPostgres('SELECT * FROM t WHERE a = :a')).toThrow(/:name/);
    expect(() => toPostgres('SELECT * FROM t WHERE a = ?1')).toThrow(/\?NNN/);
  });

  it('quotes values as PostgreSQL literals', () => {
    expect([null, 1772285279224, 0.5, "O'Brien"].map(sqlLiteral)).toEqual(['NULL', "'1772285279224'", "'0.5'", "'O''Brien'"]);
  });
});
