/**
 * Commander writes its errors and help headings in English; these are all the lines a user of
 * this command line can meet, in Swedish. A test triggers each of them and looks for English.
 */
type Replacement = string | ((match: string, ...groups: string[]) => string);

const ERRORS: [RegExp, Replacement][] = [
  [/^error: unknown command '(.*)'/m, "Fel: okänt kommando '$1'"],
  [/^error: unknown option '(.*)'/m, "Fel: okänd flagga '$1'"],
  [/^error: missing required argument '(.*)'/m, "Fel: argumentet '$1' saknas"],
  [/^error: option '(.*)' argument missing/m, "Fel: flaggan '$1' saknar värde"],
  [/^error: required option '(.*)' not specified/m, "Fel: flaggan '$1' måste anges"],
  [
    /^error: option '(.*)' cannot be used with option '(.*)'/m,
    "Fel: flaggorna '$1' och '$2' utesluter varandra; ange bara en av dem.",
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./m,
    (_match, command: string | undefined, expected: string, got: string) =>
      `Fel: för många argument${command ? ` till '${command}'` : ""}: ${expected === "0" ? "kommandot tar inga argument" : `kommandot tar ${expected}`}, men ${got} angavs.`,
  ],
  [/^\(Did you mean one of (.*)\?\)/m, "(Menade du någon av $1?)"],
  [/^\(Did you mean (.*)\?\)/m, "(Menade du $1?)"],
];

const HELP: [RegExp, Replacement][] = [
  [/^Usage:/m, "Användning:"],
  [/^Arguments:/m, "Argument:"],
  [/^Options:/m, "Flaggor:"],
  [/^Commands:/m, "Kommandon:"],
  [/\(default: (.*?)\)/g, "(standard: $1)"],
  [/\[options\]/g, "[flaggor]"],
  [/\[command\]/g, "[kommando]"],
];

export function swedish(text: string): string {
  let out = text;
  for (const [pattern, replacement] of [...ERRORS, ...HELP]) {
    out =
      typeof replacement === "string" ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}
