import { enumListParam, enumParam, intParam, optionalIntParam, optionalStringParam, stringListParam } from '../query/paramKinds.js';
import { defineQuery, type QueryError, type QueryInputOf, type QueryOf, type RawQuery } from '../query/queryDefinition.js';
import { APP_LIST_STATUSES } from './appListItem.js';

/** Sort keys of the console listing (one per column); a leading `-` means descending. */
export const APP_LIST_SORTS = [
  '-startTime',
  'startTime',
  '-endTime',
  'endTime',
  '-duration',
  'duration',
  'name',
  '-name',
  'id',
  '-id',
  'sparkUser',
  '-sparkUser',
  'lastUpdated',
  '-lastUpdated',
  'sparkVersion',
  '-sparkVersion',
  'status',
  '-status',
  'attempts',
  '-attempts',
  'project',
  '-project',
] as const;
export type AppListSort = (typeof APP_LIST_SORTS)[number];

/** Largest page the console API serves, so one request cannot ask for the whole index. */
export const APP_LIST_MAX_LIMIT = 500;

export const appListQuery = defineQuery({
  status: enumListParam(APP_LIST_STATUSES, 'Only applications whose newest attempt has one of these statuses (all their attempts are listed).'),
  user: stringListParam('Only applications run by these Spark users (exact match).'),
  version: stringListParam('Only applications of these Spark versions (exact match).'),
  project: stringListParam('Only applications of these MaxCompute projects (exact match).'),
  search: optionalStringParam('Case-insensitive substring of the application id, name, Spark user or project.'),
  startFrom: optionalIntParam({ max: Number.MAX_SAFE_INTEGER, description: 'Only applications started at or after this time (epoch ms).' }),
  startTo: optionalIntParam({ max: Number.MAX_SAFE_INTEGER, description: 'Only applications started at or before this time (epoch ms).' }),
  sort: enumParam(APP_LIST_SORTS, { default: '-startTime', description: 'Sort key; a leading `-` sorts descending.' }),
  offset: intParam({ default: 0, description: 'Number of matching applications to skip.' }),
  limit: intParam({ default: 50, min: 1, max: APP_LIST_MAX_LIMIT, description: 'Page size.' }),
});
export type AppListQuery = QueryOf<typeof appListQuery>;
export type AppListQueryInput = QueryInputOf<typeof appListQuery>;
export const parseAppListQuery = (raw: RawQuery): AppListQuery | QueryError => appListQuery.parse(raw);
