/* global matchMedia, document */
// Applies the saved theme before the first paint, so dark mode does not flash white on load. A file, not an
// inline script, so the Content-Security-Policy can allow scripts from this origin only.
try {
  const theme = localStorage.getItem('spark-console-theme');
  if (theme === 'dark' || (theme === null && matchMedia('(prefers-color-scheme: dark)').matches)) document.documentElement.classList.add('dark');
} catch {
  // Storage may be disabled: the light theme stays.
}
