/**
 * The one-line headline Spark shows for an error before "+details": the error class when the message carries
 * one (`[DIVIDE_BY_ZERO] …`), else the first line, else the text before the first colon.
 */
export function errorHeadline(message: string): string {
  const errorClass = /\[([A-Z][A-Z0-9_.]+)\]/.exec(message);
  if (errorClass) return errorClass[1]!;
  const newline = message.indexOf('\n');
  if (newline > 0) return message.slice(0, newline);
  const colon = message.indexOf(':');
  return colon > 0 ? message.slice(0, colon) : message;
}

/** True when the headline hides part of the message, so a "+details" toggle is worth offering. */
export function hasMoreDetails(message: string): boolean {
  return errorHeadline(message).trim() !== message.trim();
}
