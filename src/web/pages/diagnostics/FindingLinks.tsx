import { Link } from 'react-router';
import type { AppRef, DiagnosticFinding } from '../../../api/index.js';
import { findingLinkHref } from './findingLinks.js';

/** The stages, tasks and executors a finding is about, as links. */
export function FindingLinks({ app, finding }: { app: AppRef; finding: DiagnosticFinding }) {
  const links = finding.links.flatMap((l) => {
    const href = findingLinkHref(app, finding, l);
    return href === undefined ? [] : [{ link: l, href }];
  });
  if (links.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-x-3 gap-y-1 text-sm" data-testid="finding-links">
      {links.map(({ link, href }) => (
        <Link key={`${link.kind}-${link.label}`} to={href} className="link" data-link-kind={link.kind}>
          {link.label}
        </Link>
      ))}
    </span>
  );
}
