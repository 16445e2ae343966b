/** The whole Drizzle schema (drizzle-kit reads this file). */
export * from './org.ts';
export * from './member.ts';
export * from './activity.ts';
export * from './work.ts';
export * from './development.ts';
export * from './account.ts';
export * from './regulations.ts';
export * from './settings.ts';
export * from './history.ts';
export * from './personal-data-log.ts';
export * from './membership.ts';
