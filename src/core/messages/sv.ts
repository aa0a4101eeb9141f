/**
 * Every message a user reads about a problem, in Swedish, keyed by problem code.
 * A test checks that each code produced anywhere has a text here.
 */
import type { Location, Problem } from "../model";
import { formatParam } from "./format";
import { FINANCE_MESSAGES } from "./financeSv";

type Params = Record<string, string>;

/** "två", "tre" … for the small counts a sentence reads better with. */
const countWord = (n: string) => ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"][Number(n)] ?? n;

export const MESSAGES = {
  ...FINANCE_MESSAGES,
  // Reading what was typed
  notANumber: (p: Params) => `"${p.input}" är inte ett tal. Skriv bara siffror, t.ex. 12 eller 3,5.`,
  ambiguousDot: (p: Params) => `"${p.input}" är otydligt: punkt kan vara tusentalsavgränsare eller decimaltecken. Skriv utan punkt (t.ex. 1 234) eller med decimalkomma (t.ex. 1,234).`,
  dateNotNumber: (p: Params) => `Cellen innehåller ett datum (${p.input}) men här ska ett tal stå.`,
  errorValue: (p: Params) => `Cellen innehåller felvärdet ${p.input}. Skriv in ett värde i stället för formeln.`,
  notYesNo: (p: Params) => `"${p.input}" är inte ett svar. Välj Ja eller Nej.`,
  notAnOption: (p: Params) => `"${p.input}" finns inte bland valen. Välj ett av: ${p.options}.`,
  valueOutOfBounds: (p: Params) => `"${p.input}" är orimligt stort: här kan värdet vara högst ${p.limit}. Kontrollera cellen.`,
  invalidDate: () => `Cellen är formaterad som datum men innehåller inget giltigt datum. Skriv in värdet på nytt.`,
  metaNoPeriod: (p: Params) => `${p.file} saknar period i bladet Metadata och kan inte knytas till en period. Använd mallen som skickades ut.`,
  metaBadPeriod: (p: Params) => `${p.file} anger perioden "${p.found}" i bladet Metadata, vilket inte är en period (t.ex. 2025H1, 2025T2, 2025M03 eller 2025). Använd mallen som skickades ut.`,
  metaUnknownPart: (p: Params) => `${p.file} anger delen "${p.part}" i bladet Metadata, men ${p.uppdrag} har bara delarna: ${p.known}. Använd mallen som skickades ut.`,
  metaTooLong: (p: Params) => `${p.file}: fältet ${p.field} i bladet Metadata är ${p.length} tecken långt (högst ${p.max}). Använd mallen som skickades ut.`,
  metaFormula: (p: Params) => `${p.file}: fältet ${p.field} i bladet Metadata innehåller en formel ("${p.found}"), inte ett värde. Använd mallen som skickades ut.`,
  metaControl: (p: Params) => `${p.file}: fältet ${p.field} i bladet Metadata innehåller osynliga styrtecken. Använd mallen som skickades ut.`,
  unitNameLookalike: (p: Params) => `Enhetens namn "${p.unit}" i ${p.file} innehåller bokstäver från ett annat alfabet (kyrilliska eller grekiska) som ser ut som latinska. Namnet jämförs med andra enheter som om de vore latinska bokstäver; kontrollera att det är rätt enhet.`,
  // A measure's own checks
  required: () => `Värde saknas. Fyll i (skriv 0 om inget har hänt under perioden).`,
  requiredAnswer: () => `Svar saknas. Fyll i cellen.`,
  notWholeNumber: (p: Params) => `${p.value} är inte ett heltal. Antal ska anges i hela tal.`,
  negative: (p: Params) => `${p.value} är negativt. Värdet kan inte vara mindre än 0.`,
  belowMin: (p: Params) => `${p.value} är mindre än det lägsta tillåtna värdet ${p.min} ${p.unit}.`,
  aboveMax: (p: Params) => `${p.value} är större än det högsta tillåtna värdet ${p.max} ${p.unit}.`,
  unusuallyHigh: (p: Params) => `${p.value} ${p.unit} är ovanligt högt (över ${p.limit}). Kontrollera att värdet stämmer.`,
  unusuallyLow: (p: Params) => `${p.value} ${p.unit} är ovanligt lågt (under ${p.limit}). Kontrollera att värdet stämmer.`,
  // Rules across measures
  balanceMismatch: (p: Params) =>
    `Flödet går inte ihop: ${p.start} + ${p.add} − ${p.subtract} = ${p.expected}, men ${p.end} är ${p.actual}.`,
  exceedsLimit: (p: Params) => `${p.measure} (${p.value}) är fler än ${p.limitLabel} (${p.limit}).`,
  belowReference: (p: Params) => `${p.measure} (${p.value}) är färre än ${p.referenceLabel} (${p.reference}). Kontrollera att alla har det som krävs.`,
  requiresPositive: (p: Params) => `${p.when} är ${p.whenValue}, då måste ${p.then} vara större än 0.`,
  ratioOutOfRange: (p: Params) => `${p.measure} blir ${p.value}, vilket ligger utanför det vanliga intervallet ${p.min}–${p.max}. Kontrollera underlaget.`,
  listCountMismatch: (p: Params) => `${p.list}: ${p.entered} väntetider är ifyllda men ${p.count} är ${p.countValue}. Fyll i en väntetid per ärende.`,
  continuityMismatch: (p: Params) =>
    `${p.current} är ${p.value}, men ${p.previous} var ${p.previousValue} för ${p.previousPeriod} (${p.previousFile}). Värdena ska stämma överens.`,
  previousOtherUppdrag: (p: Params) => `Föregående periods fil ${p.file} gäller ett annat uppdrag (${p.uppdrag}) och används inte.`,
  previousOtherUnit: (p: Params) => `Föregående periods fil ${p.file} gäller enheten ${p.unit}, inte ${p.expected}, och används inte.`,
  previousNotAdjacent: (p: Params) => `Föregående fil ${p.file} gäller ${p.period}, inte närmast föregående period ${p.expected}.`,
  // Reading files
  emptyFile: (p: Params) => `${p.file} är tom och kan inte läsas.`,
  notAWorkbook: (p: Params) => `${p.file} är ingen Excel- eller OpenDocument-arbetsbok och kan inte läsas.`,
  passwordProtected: (p: Params) => `${p.file} är lösenordsskyddad. Be enheten spara filen utan lösenord och skicka den igen.`,
  notATemplate: (p: Params) => `${p.file} är ingen uppföljningsmall från uppfoljning (bladet Metadata saknas). Använd mallen som skickades ut.`,
  unknownUppdrag: (p: Params) => `${p.file} gäller uppdraget "${p.uppdrag}", som inte finns i katalogen.`,
  unknownVersion: (p: Params) => `${p.file} är gjord med mallversion ${p.found} av ${p.uppdrag}, men katalogen har version ${p.expected}. Skapa en ny mall och be enheten föra över sina värden.`,
  noUnit: (p: Params) => `${p.file} saknar enhetens namn i metadata och kan inte knytas till en enhet.`,
  unreadableFile: (p: Params) => `${p.file} kunde inte läsas: ${p.reason}.`,
  fileTooLarge: (p: Params) => `${p.file} är ${p.size} MB, mer än de ${p.max} MB som läses (en ifylld mall är under 1 MB). Filen läses inte; be enheten skicka mallen utan inklistrade bilder eller extra blad.`,
  zipEntryTooLarge: (p: Params) => `${p.file} läses inte: delen ${p.entry} skulle packas upp till mer än ${p.max} MB. Filen är skadad eller gjord för att fylla minnet; be enheten skicka mallen igen.`,
  zipTotalTooLarge: (p: Params) => `${p.file} läses inte: innehållet skulle packas upp till mer än ${p.max} MB. Filen är skadad eller gjord för att fylla minnet; be enheten skicka mallen igen.`,
  zipTooManyEntries: (p: Params) => `${p.file} läses inte: den består av ${p.count} delar, fler än de ${p.max} som läses. Be enheten skicka mallen igen.`,
  tooManySheets: (p: Params) => `${p.file} har ${p.count} blad, fler än de ${p.max} som läses. Filen läses inte; be enheten använda mallen som skickades ut.`,
  nameRangeTooLarge: (p: Params) => `${p.file} läses inte: namnet ${p.name} pekar på ${p.cells} celler (${p.ref}), fler än de ${p.max} ett mått kan ha. Rätta namnet (Formler → Namnhanteraren) eller använd mallen som skickades ut.`,
  sheetTooLargeToScan: (p: Params) => `${p.file} läses inte: namnen i mallen saknas och bladet ${p.sheet} är för stort att söka igenom efter benämningar (fler än ${p.maxRows} rader eller ${p.maxCells} ifyllda celler). Använd mallen som skickades ut.`,
  measureNotFound: (p: Params) => `Måttet "${p.measure}" hittades inte i ${p.file}: namnet ${p.name} och benämningen saknas båda. Värdet räknas som saknat.`,
  nameMissingUsedLabel: (p: Params) => `Namnet ${p.name} saknades; värdet lästes i stället bredvid benämningen "${p.measure}". Kontrollera att rätt cell lästes.`,
  otherUppdragThanAsked: (p: Params) => `${p.file} gäller uppdraget ${p.found}, inte ${p.expected}, och hoppas över.`,
  // Roll-up
  otherUppdrag: (p: Params) => `Filen gäller uppdraget ${p.found}, inte ${p.expected}. Den räknas inte med.`,
  otherVersion: (p: Params) => `Filen är gjord med mallversion ${p.found}, men sammanställningen gäller version ${p.expected}. Den räknas inte med.`,
  otherPeriod: (p: Params) => `Filen gäller perioden ${p.found}, men sammanställningen gäller ${p.expected}. Den räknas inte med.`,
  duplicateUnit: (p: Params) => `Enheten ${p.unit} finns i flera filer (${p.files}). Ingen av dem räknas med förrän dubbletten är borttagen.`,
  previousMissing: (p: Params) => `Ingen av förra periodens filer kunde paras med enheten ${p.unit}, så det går inte att pröva att perioden börjar där den förra slutade.`,
  previousUnpaired: (p: Params) => `Förra periodens fil ${p.file} (${p.unit}, ${p.period}) hör inte till någon av filerna som kontrolleras och används inte.`,
  previousUnreadable: (p: Params) => `Förra periodens fil används inte: ${p.reason}`,
  previousAmbiguous: (p: Params) => `Förra perioden har olika filer för enheten ${p.unit} (${p.files}); ingen av dem används för att pröva att perioden börjar där den förra slutade.`,
  duplicateCopy: (p: Params) => `${p.file} är en kopia av ${p.copyOf} (samma innehåll). Enheten ${p.unit} räknas en gång, från ${p.copyOf}.`,
  unitConflictingFiles: (p: Params) => `Enheten ${p.unit} skickade ${countWord(p.count!)} olika filer (${p.files}). Ingen av dem räknas med förrän enheten sagt vilken som gäller.`,
  namesMissingUsedLabels: (p: Params) => `Filen saknar namnen på ${p.count} indataceller (vanligt när den sparats i LibreOffice eller som .ods). Värdena lästes i stället bredvid sina benämningar; kontrollera att rätt celler lästes.`,
  unitMissing: (p: Params) => `Enheten ${p.unit} har inte lämnat någon uppföljning.`,
  unitNotExpected: (p: Params) => `Enheten ${p.unit} (${p.file}) finns inte i listan över förväntade enheter.`,
  // Earlier periods' records (the tidy rows of a level-2 workbook or its CSV)
  recordUnreadable: (p: Params) => `${p.file} kan inte läsas som en tidigare periods sammanställning: ${p.reason}. Använd nivå 2-arbetsboken eller CSV-filen som uppfoljning skrev.`,
  recordRowSkipped: (p: Params) => `${p.file}, rad ${p.row}: kolumnen ${p.column} har värdet "${p.found}", som inte kan läsas. Raden används inte.`,
  // Level 2
  levelTwoRule: (p: Params): string =>
    `Nivå 2 (hela uppdraget): ${p.check && p.check !== "levelTwoRule" && isKnownCode(p.check) ? MESSAGES[p.check](p) : ""} ` +
    (p.uneven
      ? `Nivå 2-siffrorna bygger inte på samma enheter (${p.uneven}), så de kan skilja sig av det skälet även när varje enhets egna värden stämmer.`
      : `Alla enheter har lämnat de värden som behövs, så avvikelsen finns redan i enheternas egna värden.`) +
    (p.flagged ? ` Värden med fel från ${p.flagged} ingår.` : ""),
} satisfies Record<string, (p: Params) => string>;

export type ProblemCode = keyof typeof MESSAGES;

export function isKnownCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/** "fil.xlsx, blad Verksamhetsmått, cell C7" — as much as is known. */
export function describeLocation(location: Location | undefined): string {
  if (!location) return "";
  const parts: string[] = [];
  if (location.file) parts.push(location.file);
  if (location.sheet) parts.push(`blad ${location.sheet}`);
  if (location.cell) parts.push(`cell ${location.cell}`);
  return parts.join(", ");
}

export function problemText(problem: Problem): string {
  const params: Params = {};
  for (const [k, v] of Object.entries(problem.params)) params[k] = formatParam(v);
  if (!isKnownCode(problem.code)) return `Okänt fel (${problem.code}).`;
  return MESSAGES[problem.code](params);
}

/** The full line a user reads: where, which measure, what is wrong. */
export function formatProblem(problem: Problem, measureLabel?: string): string {
  const where = describeLocation(problem.location);
  const what = measureLabel ? (where ? ` (${measureLabel})` : `(${measureLabel})`) : "";
  const severity = problem.severity === "fel" ? "Fel" : "Varning";
  return `${severity}: ${where}${what}${where || what ? ": " : ""}${problemText(problem)}`;
}
