/**
 * For values the code itself guarantees (an index inside its array, a key it has just stored, a
 * field the catalog check has required): if one is missing after all, that is a bug in this
 * program, not bad input, and it should stop with a message that says which guarantee broke
 * rather than run on with `undefined`.
 */
export class InternalError extends Error {
  constructor(what: string) {
    super(`Internt fel: ${what}`);
    this.name = "InternalError";
  }
}

/** `value`, which the caller guarantees is there; `what` names it in the error if it is not. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new InternalError(`${what} saknas`);
  return value;
}
