import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Prng, deriveSeed } from '../src/demo/prng.js';
import type { LoadStats } from './loadStats.js';
import { appListPage, executorsPage, jobsPage, stagePage, stagesPage, type PageView, type SiteApp } from './spaPages.js';

/*
 * The two kinds of clients of the load bench: saturating clients (a closed loop, no think time: what the
 * server can take) and paced users (SPA-like page walks with think time: what a team of people does).
 */

/** GETs a URL on a keep-alive agent and records its latency and status (or network error) in `stats`. */
export function recordingGet(baseUrl: string, agent: http.Agent, stats: LoadStats, timeoutMs = 30_000): (url: string) => Promise<void> {
  return (url) =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const done = (outcome: number | string) => {
        stats.record(url, performance.now() - t, outcome);
        resolve();
      };
      const req = http.get(baseUrl + url, { agent, timeout: timeoutMs, headers: { Accept: 'application/json' } }, (res) => {
        res.resume(); // read the whole body: the latency is to the last byte
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
      req.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
    });
}

/** `clients` closed loops over `mix` until `seconds` have passed; each starts at its own place in the mix. */
export async function runSaturating(get: (url: string) => Promise<void>, mix: string[], clients: number, seconds: number): Promise<void> {
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; performance.now() < until; i++) await get(mix[i % mix.length]!);
    }),
  );
}

/** A browser opens at most 6 connections to one origin (HTTP/1.1); a page's calls share them. */
const BROWSER_CONNECTIONS = 6;
/** React Query's staleTime in the SPA (src/web/api/queryClient.ts): a URL fetched this recently is not asked again. */
const STALE_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `users` people for `seconds`, each walking app list → an application's jobs → (its stages) → one to three
 * stage pages → (executors) → back to the list, thinking 1–3 s between pages. Seeded: the same walks every run.
 * Returns the number of pages viewed.
 */
export async function runPaced(get: (url: string) => Promise<void>, site: SiteApp[], users: number, seconds: number, seed: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let pages = 0;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const rng = new Prng(deriveSeed(seed, 'user', u));
      const fresh = new Map<string, number>(); // this browser's query cache: URL → when fetched
      const view = async (page: PageView) => {
        const now = performance.now();
        const urls = [...new Set(page.urls)].filter((url) => (fresh.get(url) ?? -Infinity) <= now - STALE_MS);
        for (const url of urls) fresh.set(url, now);
        let next = 0;
        await Promise.all(Array.from({ length: Math.min(BROWSER_CONNECTIONS, urls.length) }, async () => {
          while (next < urls.length) await get(urls[next++]!);
        }));
        pages++;
      };
      // People arrive over the first few seconds, not all in the same millisecond.
      await sleep(rng.int(0, 3000));
      // Thinking never runs past the end: the run's length stays `seconds`.
      const think = () => sleep(Math.min(rng.int(1000, 3000), Math.max(0, until - performance.now())));
      while (performance.now() < until) {
        const walk: (() => PageView)[] = [];
        const app = rng.pick(site);
        walk.push(appListPage, () => jobsPage(app.ref));
        if (rng.chance(0.5)) walk.push(() => stagesPage(app.ref));
        for (let n = rng.int(1, 3); n > 0; n--) {
          const s = rng.pick(app.stages);
          walk.push(() => stagePage(app.ref, s));
        }
        if (rng.chance(0.5)) walk.push(() => executorsPage(app.ref));
        for (const page of walk) {
          if (performance.now() >= until) break;
          await view(page());
          await think();
        }
      }
    }),
  );
  return pages;
}
