/**
 * What groups failed tasks: the error's first line with numbers (every token holding a digit: ids, sizes,
 * host names, containers) replaced by `N`,
 * and its exception class (the text before the first `:` when it looks like a class name).
 */
export interface ErrorSignature {
  exceptionClass: string;
  message: string;
  key: string;
}

export function errorSignature(error: string): ErrorSignature {
  const firstLine = error.split('\n')[0]!.trim();
  // A token with a digit in it (an id, size, host name, container or address) is one number.
  const message = firstLine.replace(/[\w.\-/:]*\d[\w.\-/:]*/g, 'N');
  const m = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*)(?::|\s*\(|$)/.exec(firstLine);
  const exceptionClass = m ? m[1]! : firstLine.split(/[\s:(]/)[0]!;
  return { exceptionClass, message, key: message };
}

export function isFetchFailure(error: string): boolean {
  return error.startsWith('FetchFailed');
}
