import { Fragment, type ReactNode } from 'react';

/*
 * Java names in errors and stack traces ("org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(
 * DAGScheduler.scala:2672)") are single words of 80+ characters. Breaking them anywhere splits identifiers
 * mid-word; not breaking them widens the table. So the text gets a break opportunity (<wbr>) after each
 * separator of such names, and otherwise wraps only at spaces.
 */
const SEPARATORS = /([.$/(:,@=])/;
/** Host names and addresses ("worker6c39-11-233-128-25:38280") break after their dashes, dots and colon. */
const HOST_SEPARATORS = /([-.:])/;

export function breakableText(text: string): ReactNode {
  return withBreaks(text, SEPARATORS);
}

/** A host or host:port that may wrap in a narrow column (a browser never breaks between "-" and a digit). */
export function breakableHost(text: string): ReactNode {
  return withBreaks(text, HOST_SEPARATORS);
}

function withBreaks(text: string, separators: RegExp): ReactNode {
  const parts = text.split(separators);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    // Odd indices are the separators the split kept: the break goes after them.
    i % 2 === 1 ? (
      <Fragment key={i}>
        {part}
        <wbr />
      </Fragment>
    ) : (
      part
    ),
  );
}
