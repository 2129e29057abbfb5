import type { AppContext } from '../app/context.ts';
import type { Store } from '../db/store.ts';
import { changePassword } from './password.ts';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from './second-factor.ts';
import { reauthenticate, signIn, signOut, signOutEverywhere } from './signin.ts';

/** A store-taking operation with the store already given. */
function bound<A extends unknown[], R>(store: Store, fn: (store: Store, ...args: A) => R): (...args: A) => R {
  return (...args) => fn(store, ...args);
}

/**
 * The sign-in, second-factor and password operations of the signed-in account, as the routes use them: each acts
 * on the session it is given (or on the credentials sent), so the routes need not hold the store.
 */
export function accountOps(ctx: AppContext) {
  const store = ctx.store;
  return {
    signIn: bound(store, signIn),
    signOut: bound(store, signOut),
    signOutEverywhere: (userId: number) => store.write((trx) => signOutEverywhere(trx, userId)),
    verifySecondFactor: bound(store, verifySecondFactor),
    startEnrolment: bound(store, startEnrolment),
    confirmEnrolment: bound(store, confirmEnrolment),
    reauthenticate: bound(store, reauthenticate),
    changePassword: bound(store, changePassword),
  };
}
