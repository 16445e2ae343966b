/** Answer shapes shared by the API and the web: they live in src/contract/views.ts (the web imports the contract only). */
export * from '../contract/views.ts';
