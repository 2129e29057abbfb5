// Routes and command-line entry points are imported from routes.ts and cli.ts by the server and the CLI.
export * from './dhis2.ts';
export * from './export.ts';
export * from './import.ts';
export * from './model.ts';
