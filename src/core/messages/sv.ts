/**
 * Every message a user reads about a problem, in Swedish, keyed by problem code; and in the same
 * voice the catalog's errors, a level-2 figure's note, a typed list of units' and period's errors.
 * The codes and their parameters are declared in codes.ts; the compiler checks that each has a text here.
 */
import type { Location, Problem } from "../model";
import type { Message, MessageCode, MessageParams, TextParams } from "./codes";
import { formatParam } from "./format";
import { FINANCE_MESSAGES } from "./financeSv";

/** A text for every code (a missing one does not compile), reading only the parameters its code has. */
type Messages = { readonly [C in MessageCode]: (p: TextParams<MessageParams[C]>) => string };

/** "två", "tre" … for the small counts a sentence reads better with. */
const countWord = (n: string) =>
  ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"][Number(n)] ?? n;

export const MESSAGES: Messages = {
  ...FINANCE_MESSAGES,
  // Reading what was typed
  notANumber: (p) => `"${p.input}" är inte ett tal. Skriv bara siffror, t.ex. 12 eller 3,5.`,
  ambiguousDot: (p) =>
    `"${p.input}" är otydligt: punkt kan vara tusentalsavgränsare eller decimaltecken. Skriv utan punkt (t.ex. 1 234) eller med decimalkomma (t.ex. 1,234).`,
  dateNotNumber: (p) => `Cellen innehåller ett datum (${p.input}) men här ska ett tal stå.`,
  errorValue: (p) => `Cellen innehåller felvärdet ${p.input}. Skriv in ett värde i stället för formeln.`,
  notYesNo: (p) => `"${p.input}" är inte ett svar. Välj Ja eller Nej.`,
  notAnOption: (p) => `"${p.input}" finns inte bland valen. Välj ett av: ${p.options}.`,
  valueOutOfBounds: (p) =>
    `"${p.input}" är orimligt stort: här kan värdet vara högst ${p.limit}. Kontrollera cellen.`,
  invalidDate: () =>
    `Cellen är formaterad som datum men innehåller inget giltigt datum. Skriv in värdet på nytt.`,
  metaNoPeriod: (p) =>
    `${p.file} saknar period i bladet Metadata och kan inte knytas till en period. Använd mallen som skickades ut.`,
  metaBadPeriod: (p) =>
    `${p.file} anger perioden "${p.found}" i bladet Metadata, vilket inte är en period (t.ex. 2025H1, 2025T2, 2025M03 eller 2025). Använd mallen som skickades ut.`,
  metaUnknownPart: (p) =>
    `${p.file} anger delen "${p.part}" i bladet Metadata, men ${p.uppdrag} har bara delarna: ${p.known}. Använd mallen som skickades ut.`,
  metaTooLong: (p) =>
    `${p.file}: fältet ${p.field} i bladet Metadata är ${p.length} tecken långt (högst ${p.max}). Använd mallen som skickades ut.`,
  metaFormula: (p) =>
    `${p.file}: fältet ${p.field} i bladet Metadata innehåller en formel ("${p.found}"), inte ett värde. Använd mallen som skickades ut.`,
  metaControl: (p) =>
    `${p.file}: fältet ${p.field} i bladet Metadata innehåller osynliga styrtecken. Använd mallen som skickades ut.`,
  unitNameLookalike: (p) =>
    `Enhetens namn "${p.unit}" i ${p.file} innehåller bokstäver från ett annat alfabet (kyrilliska eller grekiska) som ser ut som latinska. Namnet jämförs med andra enheter som om de vore latinska bokstäver; kontrollera att det är rätt enhet.`,
  // A measure's own checks
  required: () => `Värde saknas. Fyll i (skriv 0 om inget har hänt under perioden).`,
  requiredAnswer: () => `Svar saknas. Fyll i cellen.`,
  notWholeNumber: (p) => `${p.value} är inte ett heltal. Antal ska anges i hela tal.`,
  negative: (p) => `${p.value} är negativt. Värdet kan inte vara mindre än 0.`,
  belowMin: (p) => `${p.value} är mindre än det lägsta tillåtna värdet ${p.min} ${p.unit}.`,
  aboveMax: (p) => `${p.value} är större än det högsta tillåtna värdet ${p.max} ${p.unit}.`,
  unusuallyHigh: (p) =>
    `${p.value} ${p.unit} är ovanligt högt (över ${p.limit}). Kontrollera att värdet stämmer.`,
  unusuallyLow: (p) =>
    `${p.value} ${p.unit} är ovanligt lågt (under ${p.limit}). Kontrollera att värdet stämmer.`,
  // Rules across measures
  balanceMismatch: (p) =>
    `Flödet går inte ihop: ${p.start} + ${p.add} − ${p.subtract} = ${p.expected}, men ${p.end} är ${p.actual}.`,
  exceedsLimit: (p) => `${p.measure} (${p.value}) är fler än ${p.limitLabel} (${p.limit}).`,
  belowReference: (p) =>
    `${p.measure} (${p.value}) är färre än ${p.referenceLabel} (${p.reference}). Kontrollera att alla har det som krävs.`,
  requiresPositive: (p) => `${p.when} är ${p.whenValue}, då måste ${p.then} vara större än 0.`,
  ratioOutOfRange: (p) =>
    `${p.measure} blir ${p.value}, vilket ligger utanför det vanliga intervallet ${p.min}–${p.max}. Kontrollera underlaget.`,
  listCountMismatch: (p) =>
    `${p.list}: ${p.entered} väntetider är ifyllda men ${p.count} är ${p.countValue}. Fyll i en väntetid per ärende.`,
  continuityMismatch: (p) =>
    `${p.current} är ${p.value}, men ${p.previous} var ${p.previousValue} för ${p.previousPeriod} (${p.previousFile}). Värdena ska stämma överens.`,
  previousOtherUppdrag: (p) =>
    `Föregående periods fil ${p.file} gäller ett annat uppdrag (${p.uppdrag}) och används inte.`,
  previousOtherUnit: (p) =>
    `Föregående periods fil ${p.file} gäller enheten ${p.unit}, inte ${p.expected}, och används inte.`,
  previousNotAdjacent: (p) =>
    `Föregående fil ${p.file} gäller ${p.period}, inte närmast föregående period ${p.expected}.`,
  // Reading files
  emptyFile: (p) => `${p.file} är tom och kan inte läsas.`,
  notAWorkbook: (p) => `${p.file} är ingen Excel- eller OpenDocument-arbetsbok och kan inte läsas.`,
  passwordProtected: (p) =>
    `${p.file} är lösenordsskyddad. Be enheten spara filen utan lösenord och skicka den igen.`,
  notATemplate: (p) =>
    `${p.file} är ingen uppföljningsmall från uppfoljning (bladet Metadata saknas). Använd mallen som skickades ut.`,
  unknownUppdrag: (p) => `${p.file} gäller uppdraget "${p.uppdrag}", som inte finns i katalogen.`,
  unknownVersion: (p) =>
    `${p.file} är gjord med mallversion ${p.found} av ${p.uppdrag}, men katalogen har version ${p.expected}. Skapa en ny mall och be enheten föra över sina värden.`,
  noUnit: (p) => `${p.file} saknar enhetens namn i metadata och kan inte knytas till en enhet.`,
  unreadableFile: (p) => `${p.file} kunde inte läsas: ${p.reason}.`,
  fileTooLarge: (p) =>
    `${p.file} är ${p.size} MB, mer än de ${p.max} MB som läses (en ifylld mall är under 1 MB). Filen läses inte; be enheten skicka mallen utan inklistrade bilder eller extra blad.`,
  zipEntryTooLarge: (p) =>
    `${p.file} läses inte: delen ${p.entry} skulle packas upp till mer än ${p.max} MB. Filen är skadad eller gjord för att fylla minnet; be enheten skicka mallen igen.`,
  zipTotalTooLarge: (p) =>
    `${p.file} läses inte: innehållet skulle packas upp till mer än ${p.max} MB. Filen är skadad eller gjord för att fylla minnet; be enheten skicka mallen igen.`,
  zipTooManyEntries: (p) =>
    `${p.file} läses inte: den består av ${p.count} delar, fler än de ${p.max} som läses. Be enheten skicka mallen igen.`,
  tooManySheets: (p) =>
    `${p.file} har ${p.count} blad, fler än de ${p.max} som läses. Filen läses inte; be enheten använda mallen som skickades ut.`,
  nameRangeTooLarge: (p) =>
    `${p.file} läses inte: namnet ${p.name} pekar på ${p.cells} celler (${p.ref}), fler än de ${p.max} ett mått kan ha. Rätta namnet (Formler → Namnhanteraren) eller använd mallen som skickades ut.`,
  sheetTooLargeToScan: (p) =>
    `${p.file} läses inte: namnen i mallen saknas och bladet ${p.sheet} är för stort att söka igenom efter benämningar (fler än ${p.maxRows} rader eller ${p.maxCells} ifyllda celler). Använd mallen som skickades ut.`,
  fullReadTooLarge: (p) =>
    `${p.file} läses inte: namnen i mallen saknas eller filen är inte sparad som .xlsx, och den är för stor (mer än ${p.max} MB uppackad) för att läsas i sin helhet. En ifylld mall är omkring 0,1 MB; be enheten använda mallen som skickades ut.`,
  fileTooSlow: (p) =>
    `${p.file} tog längre tid än ${p.seconds} sekunder att läsa, så den används inte (en ifylld mall läses på några hundradelar). Filen är skadad eller gjord för att hålla upp läsningen; be enheten skicka mallen igen.`,
  measureNotFound: (p) =>
    `Måttet "${p.measure}" hittades inte i ${p.file}: namnet ${p.name} och benämningen saknas båda. Värdet räknas som saknat.`,
  nameMissingUsedLabel: (p) =>
    `Namnet ${p.name} saknades; värdet lästes i stället bredvid benämningen "${p.measure}". Kontrollera att rätt cell lästes.`,
  otherUppdragThanAsked: (p) => `${p.file} gäller uppdraget ${p.found}, inte ${p.expected}, och hoppas över.`,
  // Roll-up
  otherUppdrag: (p) => `Filen gäller uppdraget ${p.found}, inte ${p.expected}. Den räknas inte med.`,
  otherVersion: (p) =>
    `Filen är gjord med mallversion ${p.found}, men sammanställningen gäller version ${p.expected}. Den räknas inte med.`,
  otherPeriod: (p) =>
    `Filen gäller perioden ${p.found}, men sammanställningen gäller ${p.expected}. Den räknas inte med.`,
  duplicateUnit: (p) =>
    `Enheten ${p.unit} finns i flera filer (${p.files}). Ingen av dem räknas med förrän dubbletten är borttagen.`,
  previousMissing: (p) =>
    `Ingen av förra periodens filer kunde paras med enheten ${p.unit}, så det går inte att pröva att perioden börjar där den förra slutade.`,
  previousUnpaired: (p) =>
    `Förra periodens fil ${p.file} (${p.unit}, ${p.period}) hör inte till någon av filerna som kontrolleras och används inte.`,
  previousUnreadable: (p) => `Förra periodens fil används inte: ${p.reason}`,
  previousAmbiguous: (p) =>
    `Förra perioden har olika filer för enheten ${p.unit} (${p.files}); ingen av dem används för att pröva att perioden börjar där den förra slutade.`,
  duplicateCopy: (p) =>
    `${p.file} är en kopia av ${p.copyOf} (samma innehåll). Enheten ${p.unit} räknas en gång, från ${p.copyOf}.`,
  unitConflictingFiles: (p) =>
    `Enheten ${p.unit} skickade ${countWord(p.count)} olika filer (${p.files}). Ingen av dem räknas med förrän enheten sagt vilken som gäller.`,
  namesMissingUsedLabels: (p) =>
    `Filen saknar namnen på ${p.count} indataceller (vanligt när den sparats i LibreOffice eller som .ods). Värdena lästes i stället bredvid sina benämningar; kontrollera att rätt celler lästes.`,
  unitMissing: (p) => `Enheten ${p.unit} har inte lämnat någon uppföljning.`,
  unitNotExpected: (p) => `Enheten ${p.unit} (${p.file}) finns inte i listan över förväntade enheter.`,
  // Earlier periods' records (the tidy rows of a level-2 workbook or its CSV)
  recordUnreadable: (p) =>
    `${p.file} kan inte läsas som en tidigare periods sammanställning: ${p.reason}. Använd nivå 2-arbetsboken eller CSV-filen som uppfoljning skrev.`,
  recordRowSkipped: (p) =>
    `${p.file}, rad ${p.row}: kolumnen ${p.column} har värdet "${p.found}", som inte kan läsas. Raden används inte.`,
  historyOtherUppdrag: (p) =>
    `${p.file} är en sammanställning för uppdraget ${p.found}, inte ${p.expected}, och används inte som tidigare period.`,
  historySamePeriod: (p) =>
    `${p.file} gäller samma period (${p.period}) som den som sammanställs nu och används inte som tidigare period.`,
  historyLaterPeriod: (p) =>
    `${p.file} gäller ${p.period}, som inte ligger före ${p.current}, och används inte som tidigare period.`,
  historyDuplicatePeriod: (p) =>
    `${p.file} gäller samma period (${p.period}) som ${p.other}; perioden visas från ${p.other} och ${p.file} används inte.`,
  targetsUnreadable: (p) =>
    `Målfilen ${p.file} kan inte läsas: ${p.reason}. Inga mål bedöms; skapa en ny med uppfoljning mal-mall.`,
  targetRowInvalid: (p) =>
    `Målfilen ${p.file}, rad ${p.row}, kolumnen ${p.column}: "${p.found}" går inte att använda (${p.expected}). Målet på raden bedöms inte.`,
  targetUnknownMeasure: (p) =>
    `Målfilen ${p.file}, rad ${p.row}: måttet ${p.measure} finns inte med en sifferuppgift på nivå 2 i ${p.uppdrag}. Målet bedöms inte.`,
  targetRepeated: (p) =>
    `Målfilen ${p.file}, rad ${p.row}: måttet ${p.measure} har redan ett mål på rad ${p.firstRow}. Raden används inte.`,
  targetsOtherUppdrag: (p) =>
    `Målfilen ${p.file} gäller uppdraget ${p.found}, inte ${p.expected}. Inga mål bedöms.`,
  targetsOtherYear: (p) =>
    `Målfilen ${p.file} gäller år ${p.found}, men perioden hör till ${p.expected}. Inga mål bedöms; använd målen för ${p.expected}.`,
  // Level 2
  levelTwoRule: (p) =>
    `Nivå 2 (hela uppdraget): ${p.check !== "levelTwoRule" && isKnownCode(p.check) ? textOf(p.check, p) : ""} ` +
    (p.uneven
      ? `Nivå 2-siffrorna bygger inte på samma enheter (${p.uneven}), så de kan skilja sig av det skälet även när varje enhets egna värden stämmer.`
      : `Alla enheter har lämnat de värden som behövs, så avvikelsen finns redan i enheternas egna värden.`) +
    (p.flagged ? ` Värden med fel från ${p.flagged} ingår.` : ""),

  // The catalog (templates/): each follows the file and field it is about
  catalogInvalidJson: (p) => `ogiltig JSON: ${p.reason}`,
  catalogDuplicateSection: (p) => `avsnittet "${p.section}" finns redan`,
  catalogDuplicateSheet: (p) => `bladnamnet "${p.sheet}" används redan av ett annat avsnitt`,
  catalogDuplicateMeasure: (p) => `måttet "${p.measure}" finns redan i uppdraget`,
  catalogUnknownSection: (p) => `avsnittet "${p.section}" finns inte i uppdraget`,
  catalogUnknownPart: (p) => `delen "${p.part}" finns inte bland uppdragets delar`,
  catalogAggregateMismatch: (p) => `"${p.aggregate}" passar inte typen "${p.type}"; tillåtet: ${p.allowed}`,
  catalogRatioWithoutFormula: () => "en kvot (ratio) behöver formula med numerator och denominator",
  catalogFormulaNotRatio: () => "bara mått av typen ratio har formula",
  catalogFormulaNotNumeric: (p) => `"${p.measure}" är inte ett numeriskt mått i uppdraget`,
  catalogFormulaOfRatio: (p) => `"${p.measure}" är själv en kvot; bygg kvoten av grundmåtten`,
  catalogChoiceWithoutOptions: () => "ett val (choice) behöver options",
  catalogWeightMissing: () => "ett vägt medelvärde behöver weight: ett numeriskt mått",
  catalogStatisticMissing: () => "ange median eller mean",
  catalogCountedByNotCount: (p) => `"${p.measure}" är inte ett antal-mått i uppdraget`,
  catalogRuleUnknownMeasure: (p) => `måttet "${p.measure}" finns inte i uppdraget`,
  catalogRuleWrongType: (p) => `måttet "${p.measure}" har fel typ (${p.type}) för regeln ${p.rule}`,
  catalogDuplicateUppdrag: (p) => `uppdraget "${p.uppdrag}" finns redan i ${p.file}`,
  catalogUnknownFragment: (p) => `delen "${p.fragment}" finns inte i templates/gemensamt`,
  schemaId: () => "id: små bokstäver a–z, siffror och understreck, börjar med bokstav",
  schemaTerm: () => "mått-id, med minus framför för att dra ifrån",
  schemaSheetLength: () => "ett bladnamn får vara högst 31 tecken",
  schemaSheetCharacters: () => "ett bladnamn får inte innehålla [ ] : * ? / \\ eller '",
  schemaUppdragId: () => "uppdragets id: små bokstäver, siffror och bindestreck",
  schemaVersion: () => "version som år.löpnummer, t.ex. 2026.1",
  // A level-2 figure without a value although units reported
  figureZeroDenominator: () => "Nämnaren är 0: kvoten kan inte beräknas.",
  figureNoCases: () => "Inga ärenden under perioden.",
  figureZeroWeights: () => "Vikterna summerar till 0.",
  // A typed list of units
  unitListNoName: (p) => `Rad ${p.row}: enhetens namn saknas före semikolonet.`,
  unitListRepeated: (p) => `Rad ${p.row}: ${p.unit} står redan på rad ${p.firstRow}.`,
  unitListSameFile: (p) =>
    `Rad ${p.row}: ${p.unit} och ${p.other} på rad ${p.otherRow} får samma filnamn (…_${p.fileName}.xlsx). Ändra ett av namnen så att varje enhet får en egen fil.`,
  unitListUnknownPart: (p) =>
    `Rad ${p.row}: delen "${p.part}" finns inte i ${p.uppdrag}. Delar: ${p.known || "(uppdraget har inga delar)"}.`,
  unitListFileHeader: () =>
    `# Förväntade enheter, en per rad ("Enhet; del1, del2" för en blankett som gäller vissa delar)`,
  // A typed period
  periodMissing: () => "Ange perioden, t.ex. 2025H1.",
  periodUnknown: (p) =>
    `Perioden "${p.input}" känns inte igen. Skriv t.ex. 2025H1 (halvår), 2025T2 (tertial), 2025M03 (månad) eller 2025 (helår).`,
  periodWrongFrequency: (p) => `${p.uppdrag} följs upp per ${p.frequencies}, inte per ${p.frequency}.`,
};

export type { MessageCode, ProblemCode } from "./codes";

/** True for a code with a text: guards what arrives as data (from a worker, from another level-2 code). */
export function isKnownCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/** The text of a code whose parameters are already written out. */
function textOf(code: MessageCode, params: Readonly<Record<string, string>>): string {
  return (MESSAGES[code] as (p: Readonly<Record<string, string>>) => string)(params);
}

/** The Swedish text of any message code, numbers written the Swedish way (1 234,5). */
export function messageText<C extends MessageCode>(code: C, params: MessageParams[C]): string {
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(params as Record<string, string | number>)) text[k] = formatParam(v);
  return textOf(code, text);
}

/** The text of a message kept as data (a code and its params). */
export function messageOf(message: Message): string {
  return messageText(message.code, message.params);
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
  const code: string = problem.code;
  if (!isKnownCode(code)) return `Okänt fel (${code}).`;
  return messageText(problem.code, problem.params);
}

/** The full line a user reads: where, which measure, what is wrong. */
export function formatProblem(problem: Problem, measureLabel?: string): string {
  const where = describeLocation(problem.location);
  const what = measureLabel ? (where ? ` (${measureLabel})` : `(${measureLabel})`) : "";
  const severity = problem.severity === "fel" ? "Fel" : "Varning";
  return `${severity}: ${where}${what}${where || what ? ": " : ""}${problemText(problem)}`;
}
