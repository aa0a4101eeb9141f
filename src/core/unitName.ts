/**
 * How unit names are compared: the same unit must be found the same however its name was typed
 * or tampered with. NFKC folds compatibility forms (full-width Ａ, ligatures); invisible and
 * control characters (zero-width space, soft hyphen, bidi overrides, BOM) are removed; letters
 * of other scripts that look like Latin ones (Cyrillic А, Greek Ο) count as those Latin letters.
 */

/** Cyrillic and Greek letters that are drawn like a Latin letter, in capital and small form. */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  "\u0410": "A",
  "\u0412": "B",
  "\u0415": "E",
  "\u041a": "K",
  "\u041c": "M",
  "\u041d": "H",
  "\u041e": "O",
  "\u0420": "P",
  "\u0421": "C",
  "\u0422": "T",
  "\u0425": "X",
  "\u0405": "S",
  "\u0406": "I",
  "\u0408": "J",
  "\u04ae": "Y",
  "\u0430": "a",
  "\u0435": "e",
  "\u043e": "o",
  "\u0440": "p",
  "\u0441": "c",
  "\u0443": "y",
  "\u0445": "x",
  "\u0455": "s",
  "\u0456": "i",
  "\u0458": "j",
  "\u0501": "d",
  "\u051b": "q",
  "\u051d": "w",
  "\u04bb": "h",
  "\u0457": "ï",
  "\u04e7": "ö",
  "\u04d3": "ä",
  // Greek
  "\u0391": "A",
  "\u0392": "B",
  "\u0395": "E",
  "\u0396": "Z",
  "\u0397": "H",
  "\u0399": "I",
  "\u039a": "K",
  "\u039c": "M",
  "\u039d": "N",
  "\u039f": "O",
  "\u03a1": "P",
  "\u03a4": "T",
  "\u03a5": "Y",
  "\u03a7": "X",
  "\u03bf": "o",
  "\u03bd": "v",
  "\u03b9": "i",
  "\u03ba": "k",
  "\u03c1": "p",
  "\u03c5": "u",
  "\u03b1": "a",
};
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`, "gu");

/** Control and format characters: nothing a person sees, so nothing a name may differ by. */
// eslint-disable-next-line no-misleading-character-class -- each listed character is removed on its own (u flag), joined or not
const INVISIBLE = /[\p{Cc}\p{Cf}\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f]/gu;

/** A name with invisible and control characters removed and whitespace runs as one space (for showing and comparing). */
export function visibleName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, " ").replace(INVISIBLE, "").replace(/ {2,}/g, " ").trim();
}

/** True when the name uses a Cyrillic or Greek letter that looks like a Latin one. */
export function hasConfusableLetters(name: string): boolean {
  return new RegExp(CONFUSABLE.source, "u").test(name.normalize("NFKC"));
}

/** The key two unit names are compared by: equal keys are the same unit. */
export function unitKey(name: string): string {
  return visibleName(name)
    .replace(CONFUSABLE, (c) => CONFUSABLES[c] ?? c)
    .normalize("NFC")
    .toLocaleLowerCase("sv");
}
