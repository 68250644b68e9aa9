import http from 'node:http';

/**
 * N open change streams (`/api/console/apps/{appId}/changes`, server-sent events) on one application, as N
 * open application pages of a running app would hold. Counts how many opened, how many are still open and
 * how many `change` events arrived.
 */
export class ChangeStreams {
  opened = 0;
  /** Streams that ended or failed before close() (the server closing them, a reset…). */
  dropped = 0;
  events = 0;
  /** Streams that received at least one event. */
  withEvents = 0;
  private readonly requests: http.ClientRequest[] = [];
  private closing = false;

  constructor(baseUrl: string, appId: string, count: number, agent: http.Agent) {
    for (let i = 0; i < count; i++) {
      let got = 0;
      let open = false;
      const lost = () => {
        if (open && !this.closing) this.dropped++;
        open = false;
      };
      const req = http.get(`${baseUrl}/api/console/apps/${appId}/changes`, { agent, headers: { Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return;
        }
        open = true;
        this.opened++;
        res.setEncoding('utf8');
        let rest = '';
        res.on('data', (chunk: string) => {
          // Count `event:` lines of whole lines only; a line may be split across chunks.
          const lines = (rest + chunk).split('\n');
          rest = lines.pop()!;
          for (const line of lines) {
            if (!line.startsWith('event:')) continue;
            this.events++;
            if (got++ === 0) this.withEvents++;
          }
        });
        res.on('end', lost);
        res.on('error', lost);
      });
      req.on('error', lost);
      this.requests.push(req);
    }
  }

  /** Resolves once every stream has answered (opened or not), or after `timeoutMs`. */
  async whenOpen(count: number, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.opened < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  }

  /** Streams open right now. */
  get open(): number {
    return this.opened - this.dropped;
  }

  close(): void {
    this.closing = true;
    for (const req of this.requests) req.destroy();
  }
}
