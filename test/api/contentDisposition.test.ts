import { describe, expect, it } from 'vitest';
import { attachment } from '../../src/server/http/contentDisposition.js';

describe('Content-Disposition for downloads', () => {
  it("keeps Spark's exact header for plain names", () => {
    expect(attachment('eventLogs-local-1422981780767.zip')).toBe('attachment; filename=eventLogs-local-1422981780767.zip');
  });

  it('cannot be used to inject a header or a parameter', () => {
    const header = attachment('app"; x=1\r\nSet-Cookie: a=b.zip');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="app___x_1__Set-Cookie__a_b.zip"; filename*=UTF-8''app%22%3B%20x%3D1%0D%0ASet-Cookie%3A%20a%3Db.zip`);
  });

  it('sends non-ASCII names as RFC 6266 UTF-8, all header bytes ASCII', () => {
    const header = attachment('作业-1.zip');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header).toContain("filename*=UTF-8''%E4%BD%9C%E4%B8%9A-1.zip");
  });
});
