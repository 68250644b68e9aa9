/**
 * What groups failed tasks: the error's first line with numbers (ids, sizes, hosts' digits) replaced by `N`,
 * and its exception class (the text before the first `:` when it looks like a class name).
 */
export interface ErrorSignature {
  exceptionClass: string;
  message: string;
  key: string;
}

export function errorSignature(error: string): ErrorSignature {
  const firstLine = error.split('\n')[0]!.trim();
  const message = firstLine.replace(/0x[0-9a-f]+/gi, 'N').replace(/\d+(\.\d+)?/g, 'N');
  const m = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*)(?::|\s*\(|$)/.exec(firstLine);
  const exceptionClass = m ? m[1]! : firstLine.split(/[\s:(]/)[0]!;
  return { exceptionClass, message, key: message };
}

export function isFetchFailure(error: string): boolean {
  return error.startsWith('FetchFailed');
}
