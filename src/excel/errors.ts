/** Errors the Excel adapter throws for the task pane to show as they are (Swedish messages). */

/** The running Excel lacks an API the action needs (an old perpetual version, for instance). */
export class HostNotSupportedError extends Error {
  constructor(
    message: string,
    readonly requirement: string,
  ) {
    super(message);
    this.name = "HostNotSupportedError";
  }
}
