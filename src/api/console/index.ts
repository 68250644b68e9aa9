// One import path for the console's own API contract.
export * from './appChanges.js';
export * from './appListItem.js';
export * from './appListQuery.js';
export * from './appLogs.js';
export * from './logSearch.js';
export * from './consoleMeta.js';
export * from './diagnostics.js';
export * from './stageGraph.js';
export * from './taskTimeline.js';
export * from './consoleRoutes.js';
export * from './accounts.js';
export * from './audit.js';
export * from './projects.js';
export * from './accessRoutes.js';
export * from './usage.js';
