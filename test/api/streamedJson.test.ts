import { describe, expect, it } from 'vitest';
import { StreamedJson } from '../../src/server/api/streamedJson.js';

async function streamedText(s: StreamedJson): Promise<string> {
  let out = '';
  for await (const chunk of s.toStream()) out += String(chunk);
  return out;
}

describe('StreamedJson', () => {
  const tasks = Array.from({ length: 3000 }, (_, i) => ({ taskId: i, note: i % 7 === 0 ? 'quote " and \u0000 NUL' : 'x'.repeat(i % 50) }));

  it('streams a value exactly as JSON.stringify writes it, streamed fields in their place', async () => {
    const whole = { stageId: 3, status: 'COMPLETE', tasks: Object.fromEntries(tasks.map((t) => [String(t.taskId), t])), executorSummary: { 1: { a: 1 } }, name: 'x' };
    const streamed = StreamedJson.withStreamedFields({
      ...whole,
      tasks: StreamedJson.object(tasks.map((t) => [String(t.taskId), t] as [string, unknown])),
    });
    expect(await streamedText(streamed)).toBe(JSON.stringify(whole));
  });

  it('nests arrays, objects and empty ones', async () => {
    const value = [{ a: [], b: {}, c: [1, { d: 'e' }] }, 2, 'three', null];
    const streamed = StreamedJson.array([
      StreamedJson.withStreamedFields({ a: StreamedJson.array([]), b: StreamedJson.object([]), c: StreamedJson.array([1, StreamedJson.object([['d', 'e']])]) }),
      2,
      'three',
      null,
    ]);
    expect(await streamedText(streamed)).toBe(JSON.stringify(value));
  });

  it('keeps data that looks like its marker as data', async () => {
    const value = { text: '\u0000streamed-0', other: '"\\u0000streamed-' };
    expect(StreamedJson.withStreamedFields({ ...value, s: StreamedJson.array([1]) }).text()).toBe(JSON.stringify({ ...value, s: [1] }));
  });

  it('hands the stream chunks of bounded size, not one string', async () => {
    const chunks: number[] = [];
    for await (const chunk of StreamedJson.array(tasks).toStream()) chunks.push(String(chunk).length);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks)).toBeLessThan(200 * 1024);
  });
});
