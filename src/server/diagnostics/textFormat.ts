/** Compact numbers for finding titles: durations, byte sizes and shares. */

export function ms(v: number): string {
  if (v < 1_000) return `${Math.round(v)} ms`;
  if (v < 60_000) return `${(v / 1_000).toFixed(1)} s`;
  if (v < 3_600_000) return `${(v / 60_000).toFixed(1)} min`;
  return `${(v / 3_600_000).toFixed(1)} h`;
}

export function bytes(v: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let x = v;
  let u = 0;
  while (x >= 1024 && u < units.length - 1) {
    x /= 1024;
    u++;
  }
  return u === 0 ? `${x} B` : `${x.toFixed(1)} ${units[u]}`;
}

export function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function stageLabel(stageId: number, attemptId: number): string {
  return `stage ${stageId}.${attemptId}`;
}
