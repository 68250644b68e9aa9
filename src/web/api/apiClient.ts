import { createClient } from '../../api/index.js';

/** The one client of the SPA: same origin, so the server that served the page answers the API. */
export const apiClient = createClient({ baseUrl: '' });
