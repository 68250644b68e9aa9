/**
 * Two values in one cell, as Spark prints them: "406.0 KiB / 1.0 GiB", "191.3 MiB / 1114289", "25 s (0 ms)".
 * In a narrow column the cell may wrap between the two values (after the slash, or before the bracket), never
 * inside one, so wide tables can fit their card without splitting "9.4 GiB" over two lines.
 */
export function ValuePair({ text }: { text: string }) {
  const slash = text.indexOf(' / ');
  const bracket = text.indexOf(' (');
  const [first, second] =
    slash >= 0 ? [text.slice(0, slash + 2), text.slice(slash + 3)] : bracket >= 0 ? [text.slice(0, bracket), text.slice(bracket + 1)] : [text, undefined];
  if (second === undefined) return <span className="whitespace-nowrap">{first}</span>;
  return (
    <>
      <span className="whitespace-nowrap">{first}</span> <span className="whitespace-nowrap">{second}</span>
    </>
  );
}
