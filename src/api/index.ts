// The contract in one import. openapi.ts is left out on purpose: only the server needs the document builder.
export { PROJECT_ROLES, roleAllows, DEFAULT_PROJECT, type AccessRule } from './access.js';
export * from './apiError.js';
export * from './client.js';
export * from './console/index.js';
export { isQueryError } from './query/queryDefinition.js';
export type { QueryDefinition, QueryError, QueryInput, QueryInputOf, QueryOf, QueryValues, RawQuery } from './query/queryDefinition.js';
export * from './queryKeys.js';
export {
  fillPath,
  parsePathParams,
  toFastifyPath,
  type AppRoutePair,
  type ErrorAnswer,
  type PathParams,
  type ResponseSpec,
  type RouteSpec,
} from './routeDefinition.js';
export { routeTable, sparkRoutes } from './routes.js';
export * from './spark/index.js';
