import type { ContractError } from '../../api/index.js';

/**
 * Whether the SPA checks every API answer against the zod contract: always under the Vite dev server, and in a
 * built bundle only when this global is set before the app starts (the browser tests set it with an init
 * script). Production users never pay for the parse, yet the e2e suite runs the very bundle users get.
 */
export const CONTRACT_CHECK_FLAG = '__SPARK_CONSOLE_CHECK_CONTRACT__';

/** The console prefix a mismatch is reported with; the browser tests fail on any message carrying it. */
export const CONTRACT_MISMATCH_PREFIX = '[contract mismatch]';

export function contractChecksOn(): boolean {
  return import.meta.env.DEV || (globalThis as Record<string, unknown>)[CONTRACT_CHECK_FLAG] === true;
}

/** Loud on purpose: the query fails with the ContractError (its page shows it) and the console names the field. */
export function reportContractMismatch(error: ContractError): void {
  console.error(`${CONTRACT_MISMATCH_PREFIX} ${error.message}`);
}
