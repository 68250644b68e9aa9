/** CU-hours as MaxCompute bills Spark: `0.42 CU-h`, `12.3 CU-h`, `1,234 CU-h`. */
export function formatCuHours(cuHours: number): string {
  if (!Number.isFinite(cuHours) || cuHours <= 0) return '0 CU-h';
  const text = cuHours < 1 ? cuHours.toFixed(2) : cuHours < 100 ? cuHours.toFixed(1) : Math.round(cuHours).toLocaleString('en-US');
  return `${text} CU-h`;
}
