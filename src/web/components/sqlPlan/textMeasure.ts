/*
 * Text widths for laying out SVG labels before they are drawn, measured on a canvas with the page's font.
 * Without a canvas (never in the browser, but possible in a test DOM) an average glyph width is assumed.
 */

let context: CanvasRenderingContext2D | null | undefined;
let family: string | undefined;

export function textWidth(text: string, sizePx: number, bold = false): number {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    family = typeof document === 'undefined' ? undefined : getComputedStyle(document.documentElement).fontFamily;
  }
  if (context === null) return text.length * sizePx * 0.6;
  context.font = `${bold ? 'bold ' : ''}${sizePx}px ${family || 'sans-serif'}`;
  return context.measureText(text).width;
}
