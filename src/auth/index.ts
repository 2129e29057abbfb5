export * from './lockout.ts';
export * from './passwords.ts';
export * from './policy.ts';
export * from './roles.ts';
export * from './sessions.ts';
export * from './totp.ts';
