import { describe, expect, it } from 'vitest';
import { describeFailures, parseAnswers, parseJunitReport } from './schemathesisRun.js';

/** How schemathesis' reports are read back (the fuzz itself is hostileRequests.test.ts). */
describe('schemathesis reports', () => {
  it('reads each operation of the JUnit report and each failure with its reproducing request', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<testsuites errors="1" failures="1" skipped="0" tests="3" time="1.0">
  <testsuite name="schemathesis" errors="1" failures="1" skipped="0" tests="3" time="1.0">
    <testcase name="GET /api/v1/version" time="0.1" />
    <testcase name="GET /api/console/apps/{appId}/logs-search" time="0.2">
      <failure type="failure" message="ST101">1. Test Case ID: abc

- ST101 Server error

Reproduce with:

    curl -X GET 'http://127.0.0.1:1/api/console/apps/a/logs-search?q=%3C&amp;regex=true'</failure>
    </testcase>
    <testcase name="POST /api/console/session" time="0.3"><error type="error" message="Read timed out &lt;30 s&gt;" /></testcase>
  </testsuite>
</testsuites>`;
    const report = parseJunitReport(xml);
    expect(report.operations).toEqual(['GET /api/v1/version', 'GET /api/console/apps/{appId}/logs-search', 'POST /api/console/session']);
    expect(report.failures).toHaveLength(2);
    expect(report.failures[0]!.operation).toBe('GET /api/console/apps/{appId}/logs-search');
    expect(report.failures[0]!.text).toContain("curl -X GET 'http://127.0.0.1:1/api/console/apps/a/logs-search?q=%3C&regex=true'");
    expect(report.failures[1]).toEqual({ operation: 'POST /api/console/session', text: 'Read timed out <30 s>' });
    const message = describeFailures(report.failures, 'root:pw');
    expect(message).toContain("-u 'root:pw'");
    expect(message).toContain('── POST /api/console/session\nRead timed out <30 s>');
  });

  it('reads every request and its answer status from the NDJSON event report', () => {
    const finished = (label: string, interactions: object) => JSON.stringify({ ScenarioFinished: { recorder: { label, interactions } } });
    const ndjson = [
      JSON.stringify({ Initialize: {} }),
      finished('GET /api/v1/version', {
        a: { request: { method: 'GET', uri: 'http://h/api/v1/version' }, response: { status_code: 401 } },
        b: { request: { method: 'TRACE', uri: 'http://h/api/v1/version' }, response: { status_code: 404 } },
        c: { request: { method: 'GET', uri: 'http://h/api/v1/version' }, response: null },
      }),
      JSON.stringify({ ScenarioFinished: { recorder: { label: 'Stateful tests' } } }),
      '',
    ].join('\n');
    expect(parseAnswers(ndjson)).toEqual([
      { operation: 'GET /api/v1/version', method: 'GET', uri: 'http://h/api/v1/version', status: 401 },
      { operation: 'GET /api/v1/version', method: 'TRACE', uri: 'http://h/api/v1/version', status: 404 },
    ]);
  });
});
