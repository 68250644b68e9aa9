import { useState } from 'react';
import { Link } from 'react-router';
import type { AppRef, StageData } from '../../../api/index.js';
import { appPaths } from '../../lib/appPaths.js';

/** Description (if set), the stage name linking to the stage page, and "+details" with the call-site stack. */
export function StageDescriptionCell({ app, stage }: { app: AppRef; stage: StageData }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="min-w-0 max-w-[28rem]">
      {stage.description !== undefined && <div className="wrap-anywhere text-slate-700 dark:text-slate-300">{stage.description}</div>}
      <Link to={appPaths.stage(app, stage.stageId, stage.attemptId)} className="link wrap-anywhere" data-testid="stage-link">
        {stage.name}
      </Link>
      {stage.details !== '' && (
        <button type="button" className="link ml-2 text-xs" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '-details' : '+details'}
        </button>
      )}
      {/* Wraps only when the table has no room left, so opening it never pushes the table past its card. */}
      {open && <pre className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap wrap-anywhere rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">{stage.details}</pre>}
    </div>
  );
}
