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
