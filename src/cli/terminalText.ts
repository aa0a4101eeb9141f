/**
 * Text for a terminal: control characters shown as \uXXXX instead of acted on, so a unit name
 * or file name carrying an escape sequence cannot clear the screen, set the window title or
 * hide text, and bidi overrides cannot reorder what is shown. Tab and newline are kept. The
 * same \uXXXX form is a valid JSON escape of the same character, so JSON output stays equal.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
