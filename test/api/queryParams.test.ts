import { describe, expect, expectTypeOf, it } from 'vitest';
import { appListQuery, parseAppListQuery, type AppListQuery } from '../../src/api/console/appListQuery.js';
import { logSearchQuery } from '../../src/api/console/logSearch.js';
import { parseDateParam } from '../../src/api/query/paramKinds.js';
import { isQueryError, type QueryError, type RawQuery } from '../../src/api/query/queryDefinition.js';
import {
  applicationsQuery,
  parseApplicationsQuery,
  parseJobsQuery,
  parseSqlExecutionQuery,
  parseSqlListQuery,
  parseStageQuery,
  parseStagesQuery,
  parseTaskListQuery,
  parseTaskSummaryQuery,
  sqlListQuery,
  stagesQuery,
  taskListQuery,
  type StagesQuery,
  type TaskListQuery,
} from '../../src/api/spark/queries.js';

/** Asserts success and returns the values. */
function values<T>(result: T | QueryError): T {
  if (isQueryError(result)) throw new Error(`unexpected error: ${result.error}`);
  return result;
}

function errorOf(result: unknown): string {
  if (!isQueryError(result)) throw new Error('expected a QueryError');
  return result.error;
}

const GMT_2010 = Date.UTC(2010, 0, 1);
const GMT_3000 = Date.UTC(3000, 0, 1);

describe('defaults (Spark 3.5, spec §1.2)', () => {
  it('applications', () => {
    expect(values(parseApplicationsQuery({}))).toEqual({
      status: [],
      minDate: GMT_2010,
      maxDate: GMT_3000,
      minEndDate: GMT_2010,
      maxEndDate: GMT_3000,
      limit: undefined,
    });
  });

  it('jobs', () => {
    expect(values(parseJobsQuery({}))).toEqual({ status: [] });
  });

  it('stages: details false, summaries 0…1', () => {
    expect(values(parseStagesQuery({}))).toEqual({
      status: [],
      details: false,
      withSummaries: false,
      quantiles: [0, 0.25, 0.5, 0.75, 1],
      taskStatus: [],
    });
  });

  it('stage/{id} and stage/{id}/{attempt}: details true', () => {
    expect(values(parseStageQuery({}))).toEqual({
      details: true,
      taskStatus: [],
      withSummaries: false,
      quantiles: [0, 0.25, 0.5, 0.75, 1],
    });
  });

  it('taskSummary: quantiles 0.05…0.95', () => {
    expect(values(parseTaskSummaryQuery({}))).toEqual({ quantiles: [0.05, 0.25, 0.5, 0.75, 0.95] });
  });

  it('taskList: offset 0, length 20, sortBy ID', () => {
    expect(values(parseTaskListQuery({}))).toEqual({ offset: 0, length: 20, sortBy: 'ID', status: [] });
  });

  it('sql and sql/{id}: details and planDescription true', () => {
    expect(values(parseSqlListQuery({}))).toEqual({ details: true, planDescription: true, offset: 0, length: 20 });
    expect(values(parseSqlExecutionQuery({}))).toEqual({ details: true, planDescription: true });
  });

  it('console apps', () => {
    expect(values(parseAppListQuery({}))).toEqual({
      status: [],
      user: [],
      version: [],
      project: [],
      search: undefined,
      sort: '-startTime',
      offset: 0,
      limit: 50,
    });
  });

  it('ignores unknown keys, as Spark does', () => {
    expect(values(parseJobsQuery({ foo: 'bar', constructor: 'x' }))).toEqual({ status: [] });
  });
});

describe('enums: case-insensitive, canonical output', () => {
  it('jobs status', () => {
    expect(values(parseJobsQuery({ status: 'succeeded' })).status).toEqual(['SUCCEEDED']);
    expect(values(parseJobsQuery({ status: 'Failed' })).status).toEqual(['FAILED']);
  });

  it('applications status', () => {
    expect(values(parseApplicationsQuery({ status: 'COMPLETED' })).status).toEqual(['COMPLETED']);
    expect(values(parseApplicationsQuery({ status: 'running' })).status).toEqual(['RUNNING']);
  });

  it('stages status and taskStatus', () => {
    const q = values(parseStagesQuery({ status: 'complete', details: 'TRUE', taskStatus: 'failed' }));
    expect(q).toMatchObject({ status: ['COMPLETE'], details: true, taskStatus: ['FAILED'] });
  });

  it('taskList sortBy: names and the runtime / -runtime short names', () => {
    const sortBy = (v: string) => values(parseTaskListQuery({ sortBy: v })).sortBy;
    expect(sortBy('ID')).toBe('ID');
    expect(sortBy('id')).toBe('ID');
    expect(sortBy('DECREASING_RUNTIME')).toBe('DECREASING_RUNTIME');
    expect(sortBy('increasing_runtime')).toBe('INCREASING_RUNTIME');
    expect(sortBy('runtime')).toBe('INCREASING_RUNTIME');
    expect(sortBy('-runtime')).toBe('DECREASING_RUNTIME');
    expect(sortBy('-RUNTIME')).toBe('DECREASING_RUNTIME');
  });

  it('taskList status', () => {
    expect(values(parseTaskListQuery({ status: 'success', offset: '1', length: '2' }))).toEqual({
      offset: 1,
      length: 2,
      sortBy: 'ID',
      status: ['SUCCESS'],
    });
  });
});

describe('multi-valued parameters repeat the key', () => {
  it('keeps every value once, in order', () => {
    expect(values(parseJobsQuery({ status: ['succeeded', 'FAILED', 'Succeeded'] })).status).toEqual(['SUCCEEDED', 'FAILED']);
    expect(values(parseStagesQuery({ taskStatus: ['RUNNING', 'killed'] })).taskStatus).toEqual(['RUNNING', 'KILLED']);
  });

  it('single-valued keys take the first occurrence (like Jersey)', () => {
    expect(values(parseTaskListQuery({ length: ['5', '7'] })).length).toBe(5);
  });

  it('console string lists drop empty values', () => {
    expect(values(parseAppListQuery({ user: ['alice', '', 'bob', 'alice'] })).user).toEqual(['alice', 'bob']);
  });
});

describe('error texts', () => {
  it("Spark's exact quantiles text (two spaces)", () => {
    expect(errorOf(parseTaskSummaryQuery({ quantiles: 'foo,0.1' }))).toBe(
      'Bad value for parameter "quantiles".  Expected a double, got "foo"',
    );
    expect(errorOf(parseStagesQuery({ withSummaries: 'true', quantiles: '0.1,,0.5' }))).toBe(
      'Bad value for parameter "quantiles".  Expected a double, got ""',
    );
    expect(errorOf(parseStageQuery({ quantiles: '0.5,1.5' }))).toBe(
      'Bad value for parameter "quantiles".  Expected a double between 0 and 1, got "1.5"',
    );
  });

  it("Spark's exact date text", () => {
    expect(errorOf(parseApplicationsQuery({ minDate: '2015-02-10T' }))).toBe("Couldn't parse date: 2015-02-10T");
    expect(errorOf(parseApplicationsQuery({ maxEndDate: 'yesterday' }))).toBe("Couldn't parse date: yesterday");
    expect(errorOf(parseApplicationsQuery({ minEndDate: '2015-02-30' }))).toBe("Couldn't parse date: 2015-02-30");
  });

  it('enums list the accepted values', () => {
    expect(errorOf(parseJobsQuery({ status: 'bogus' }))).toBe(
      'Bad value for parameter "status".  Expected one of [running, succeeded, failed, unknown], got "bogus"',
    );
    expect(errorOf(parseJobsQuery({ status: ['running', 'bogus'] }))).toContain('got "bogus"');
    expect(errorOf(parseStagesQuery({ status: 'done' }))).toBe(
      'Bad value for parameter "status".  Expected one of [active, complete, failed, pending, skipped], got "done"',
    );
    expect(errorOf(parseStagesQuery({ taskStatus: 'GET RESULT' }))).toBe(
      'Bad value for parameter "taskStatus".  Expected one of [running, killed, failed, success, unknown], got "GET RESULT"',
    );
    expect(errorOf(parseTaskListQuery({ sortBy: 'duration' }))).toBe(
      'Bad value for parameter "sortBy".  Expected one of [ID, INCREASING_RUNTIME, DECREASING_RUNTIME, runtime, -runtime], got "duration"',
    );
    expect(errorOf(parseApplicationsQuery({ status: 'failed' }))).toBe(
      'Bad value for parameter "status".  Expected one of [completed, running], got "failed"',
    );
  });

  it('booleans', () => {
    expect(errorOf(parseStagesQuery({ details: 'yes' }))).toBe(
      'Bad value for parameter "details".  Expected a boolean (true or false), got "yes"',
    );
    expect(errorOf(parseSqlExecutionQuery({ planDescription: '' }))).toContain('got ""');
  });

  it('integers', () => {
    expect(errorOf(parseTaskListQuery({ offset: 'x' }))).toBe(
      'Bad value for parameter "offset".  Expected a non-negative integer, got "x"',
    );
    expect(errorOf(parseTaskListQuery({ length: '-1' }))).toContain('got "-1"');
    expect(errorOf(parseTaskListQuery({ length: '1.5' }))).toContain('got "1.5"');
    expect(errorOf(parseTaskListQuery({ length: '2147483648' }))).toContain('got "2147483648"');
    expect(values(parseTaskListQuery({ length: '2147483647' })).length).toBe(2_147_483_647);
    expect(errorOf(parseApplicationsQuery({ limit: 'ten' }))).toBe(
      'Bad value for parameter "limit".  Expected a non-negative integer, got "ten"',
    );
    expect(errorOf(parseSqlListQuery({ offset: '' }))).toContain('got ""');
    expect(errorOf(parseAppListQuery({ limit: '501' }))).toBe(
      'Bad value for parameter "limit".  Expected an integer between 1 and 500, got "501"',
    );
  });

  // Found by the API fuzz: `q` was documented as optional free text; the server needs 1 to 256 characters.
  it('required text: absent, empty or too long is a 400, counted in characters', () => {
    const parse = (raw: RawQuery) => logSearchQuery.parse(raw);
    expect(errorOf(parse({}))).toBe('Bad value for parameter "q".  Expected a text of 1 to 256 characters, got ""');
    expect(errorOf(parse({ q: '' }))).toContain('got ""');
    expect(errorOf(parse({ q: 'a'.repeat(257) }))).toContain('Expected a text of 1 to 256 characters');
    // 256 astral characters are 512 UTF-16 units, but 256 characters.
    expect(values(parse({ q: '\u{1F600}'.repeat(256) })).q).toHaveLength(512);
    expect(logSearchQuery.params.q.required).toBe(true);
  });

  it('reports the first bad parameter in declaration order', () => {
    expect(errorOf(parseTaskListQuery({ status: 'bad', offset: 'bad' }))).toContain('"offset"');
  });
});

describe('dates', () => {
  it('yyyy-MM-dd is GMT midnight', () => {
    expect(values(parseApplicationsQuery({ minDate: '2015-02-10' })).minDate).toBe(Date.UTC(2015, 1, 10));
  });

  it("yyyy-MM-dd'T'HH:mm:ss.SSSz with GMT, UTC and offsets", () => {
    const at = Date.UTC(2015, 4, 6, 13, 3, 0, 950);
    expect(parseDateParam('2015-05-06T13:03:00.950GMT')).toBe(at);
    expect(parseDateParam('2015-05-06T13:03:00.950UTC')).toBe(at);
    expect(parseDateParam('2015-05-06T15:03:00.950GMT+02:00')).toBe(at);
    expect(parseDateParam('2015-05-06T08:03:00.950-0500')).toBe(at);
  });

  it('rejects impossible or partial dates', () => {
    for (const bad of ['2015-13-01', '2015-02-29', '2015-05-06T24:00:00.000GMT', '2015-05-06T13:03:00GMT', '2015-05-06 ', '15-05-06']) {
      expect(parseDateParam(bad), bad).toBeUndefined();
    }
    expect(parseDateParam('2016-02-29')).toBe(Date.UTC(2016, 1, 29));
  });
});

describe('encode is the inverse of parse (what the typed client sends)', () => {
  function roundTrip<T>(def: { encode(v: never): [string, string][]; parse(raw: RawQuery): T | QueryError }, input: object): T {
    const raw: Record<string, string | string[]> = {};
    for (const [k, v] of def.encode(input as never)) {
      const prev = raw[k];
      raw[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return values(def.parse(raw));
  }

  it('stages', () => {
    const input: StagesQuery = { status: ['ACTIVE', 'FAILED'], details: true, withSummaries: true, quantiles: [0.1, 0.9], taskStatus: ['FAILED'] };
    expect(roundTrip(stagesQuery, input)).toEqual(input);
  });

  it('taskList', () => {
    const input: TaskListQuery = { offset: 40, length: 20, sortBy: 'DECREASING_RUNTIME', status: ['SUCCESS', 'KILLED'] };
    expect(roundTrip(taskListQuery, input)).toEqual(input);
  });

  it('applications with date bounds', () => {
    const input = { status: ['RUNNING' as const], minDate: Date.UTC(2015, 1, 3, 16, 42, 40), limit: 3 };
    expect(roundTrip(applicationsQuery, input)).toMatchObject(input);
    expect(applicationsQuery.encode(input)).toEqual([
      ['status', 'RUNNING'],
      ['minDate', '2015-02-03T16:42:40.000GMT'],
      ['limit', '3'],
    ]);
  });

  it('console apps', () => {
    const input: Partial<AppListQuery> = { status: ['failed'], user: ['a', 'b'], search: 'etl', sort: 'duration', limit: 100 };
    expect(roundTrip(appListQuery, input)).toMatchObject(input);
  });

  it('sql leaves undefined keys out', () => {
    expect(sqlListQuery.encode({ offset: 20, details: undefined })).toEqual([['offset', '20']]);
  });
});

describe('types', () => {
  it('parse functions return typed values or QueryError', () => {
    expectTypeOf(parseTaskListQuery).returns.toEqualTypeOf<TaskListQuery | QueryError>();
    expectTypeOf<TaskListQuery>().toEqualTypeOf<{
      offset: number;
      length: number;
      sortBy: 'ID' | 'INCREASING_RUNTIME' | 'DECREASING_RUNTIME';
      status: ('RUNNING' | 'KILLED' | 'FAILED' | 'SUCCESS' | 'UNKNOWN')[];
    }>();
    expectTypeOf<StagesQuery['quantiles']>().toEqualTypeOf<number[]>();
    expectTypeOf<AppListQuery['status']>().toEqualTypeOf<('running' | 'succeeded' | 'failed' | 'unknown')[]>();
  });
});
