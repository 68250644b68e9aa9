import fs from 'node:fs';

/**
 * Samples a process's open descriptors (/proc/<pid>/fd) while a run lasts, keeping the peak; the peak RSS
 * needs no sampling, the kernel keeps it (VmHWM in /proc/<pid>/status).
 */
export class ProcessProbe {
  peakFds = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number, everyMs = 200) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  private sample(): void {
    try {
      this.peakFds = Math.max(this.peakFds, fs.readdirSync(`/proc/${this.pid}/fd`).length);
    } catch {
      // The process is gone (or exiting); the peak so far stands.
    }
  }

  /** Stops sampling; returns the peak descriptors and the peak RSS in bytes. */
  stop(): { peakFds: number; peakRss: number } {
    clearInterval(this.timer);
    this.sample();
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return { peakFds: this.peakFds, peakRss: hwm ? Number(hwm[1]) * 1024 : 0 };
  }
}
