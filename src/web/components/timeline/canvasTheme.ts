/**
 * The slice of CanvasRenderingContext2D the timeline renderers use. Keeping renderers on this interface lets
 * the benchmark and unit tests draw into a recorder in Node, with no browser.
 */
export interface CanvasLike {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
  beginPath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): { width: number };
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  save(): void;
  restore(): void;
  clip(): void;
  clearRect(x: number, y: number, w: number, h: number): void;
}

/** Colours a canvas renderer needs that depend on light/dark mode. */
export interface CanvasTheme {
  text: string;
  mutedText: string;
  grid: string;
  laneStripe: string;
  background: string;
}

export const LIGHT_CANVAS_THEME: CanvasTheme = {
  text: '#0f172a',
  mutedText: '#64748b',
  grid: 'rgba(100,116,139,0.25)',
  laneStripe: 'rgba(100,116,139,0.06)',
  background: '#ffffff',
};

export const DARK_CANVAS_THEME: CanvasTheme = {
  text: '#e2e8f0',
  mutedText: '#94a3b8',
  grid: 'rgba(148,163,184,0.22)',
  laneStripe: 'rgba(148,163,184,0.06)',
  background: '#020617',
};
