// The API's shapes, inferred from the zod response schemas the server serializes its answers through
// (src/contract). Nothing is declared here: a type of an answer the page needs is added to the contract.
export type * from '../../src/contract/index.ts';
