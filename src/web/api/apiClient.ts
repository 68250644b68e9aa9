import { createClient } from '../../api/index.js';
import { contractChecksOn, reportContractMismatch } from './contractChecks.js';

/**
 * The one client of the SPA: same origin, so the server that served the page answers the API. In development
 * and browser tests it checks each answer against the contract (see contractChecks.ts).
 */
const checked = contractChecksOn();
// Visible to the browser tests (and a curious developer): whether this page checks answers.
if (checked && typeof document !== 'undefined') document.documentElement.dataset['contractChecks'] = 'on';

export const apiClient = createClient({ baseUrl: '', validate: checked, onContractError: reportContractMismatch });
