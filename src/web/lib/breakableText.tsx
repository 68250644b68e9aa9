import { Fragment, type ReactNode } from 'react';

/*
 * Java names in errors and stack traces ("org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(
 * DAGScheduler.scala:2672)") are single words of 80+ characters. Breaking them anywhere splits identifiers
 * mid-word; not breaking them widens the table. So the text gets a break opportunity (<wbr>) after each
 * separator of such names, and otherwise wraps only at spaces.
 */
const SEPARATORS = /([.$/(:,@=])/;

export function breakableText(text: string): ReactNode {
  const parts = text.split(SEPARATORS);
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
