import { z } from 'zod';
import { intParam, optionalStringParam } from '../query/paramKinds.js';
import { defineQuery, type QueryInputOf, type QueryOf } from '../query/queryDefinition.js';
import { TokenInfo } from './accounts.js';

/*
 * The console administrator's view of every user's personal API tokens: who holds which, when each was last
 * used, which are revoked. Never the secret or its hash (the server keeps only the hash, and not here).
 */

export const AdminTokenPage = z.looseObject({ total: z.int(), tokens: z.array(TokenInfo) });
export type AdminTokenPage = z.infer<typeof AdminTokenPage>;

export const adminTokensQuery = defineQuery({
  user: optionalStringParam('Only the tokens of this user.'),
  offset: intParam({ default: 0, description: 'Tokens to skip (newest first).' }),
  limit: intParam({ default: 100, min: 1, max: 1000, description: 'Page size.' }),
});
export type AdminTokensQuery = QueryOf<typeof adminTokensQuery>;
export type AdminTokensQueryInput = QueryInputOf<typeof adminTokensQuery>;
