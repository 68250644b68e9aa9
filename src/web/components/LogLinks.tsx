/** An executor's log links (stdout, stderr, …) as the cluster manager reported them; they open outside the console. */
export function LogLinks({ logs }: { logs: Readonly<Record<string, string>> }) {
  const entries = Object.entries(logs).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <span className="inline-flex gap-x-2 whitespace-nowrap" data-testid="log-links">
      {entries.map(([name, url]) => (
        <a key={name} href={url} className="link" target="_blank" rel="noreferrer noopener">
          {name}
        </a>
      ))}
    </span>
  );
}
