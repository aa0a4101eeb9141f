/**
 * Every message code and the parameters its text needs, as types: a problem built with a code
 * and the wrong parameters, or a code without a Swedish text in sv.ts, does not compile.
 * Numbers are formatted the Swedish way when the text is made (format.ts).
 * Adding a code: its parameters here, its text in sv.ts, an example in the messages test.
 */
import type { FINANCE_MESSAGES } from "./financeSv";

interface FileParams {
  file: string;
}
/** What the value checks (validate.ts) add to every problem: the measure's label. */
interface MeasureParams {
  measure: string;
}
/** What the cross-measure rules (rules/context.ts) add to every problem: the rule's id. */
interface RuleParams {
  rule: string;
}
interface InputParams {
  input: string;
}
type NoParams = Record<never, never>;

/** Codes of problems with one unit's values that the rules between measures report. */
export interface RuleProblemParams {
  balanceMismatch: RuleParams & {
    start: string;
    add: string;
    subtract: string;
    end: string;
    expected: number;
    actual: number;
  };
  exceedsLimit: RuleParams & { measure: string; value: number; limitLabel: string; limit: number };
  belowReference: RuleParams & { measure: string; value: number; referenceLabel: string; reference: number };
  requiresPositive: RuleParams & { when: string; whenValue: number; then: string };
  /** min/max: "–" when the rule has no such bound. */
  ratioOutOfRange: RuleParams & {
    measure: string;
    value: number;
    min: number | string;
    max: number | string;
  };
  listCountMismatch: RuleParams & { list: string; entered: number; count: string; countValue: number };
  continuityMismatch: RuleParams & {
    current: string;
    value: number;
    previous: string;
    previousValue: number;
    previousPeriod: string;
    previousFile: string;
  };
}
export type RuleProblemCode = keyof RuleProblemParams;

/** A rule broken by the level-2 figures: the unit-level code's parameters and what is said about the figures. */
export type LevelTwoParams = {
  [C in RuleProblemCode]: RuleProblemParams[C] & {
    /** The unit-level code whose text is the heart of the message. */
    check: C;
    /** Units that lack some of the rule's inputs ("" when none). */
    uneven: string;
    /** Units whose values with errors are in the figures ("" when none). */
    flagged: string;
  };
}[RuleProblemCode];

/** Every problem code: the stable `code` of a problem in JSON (docs/json.md). */
/**
 * The budget table's codes (finance/, texts in financeSv.ts). Their parameters are plain texts
 * each text reads by name; typing them per code, as above, is still to do.
 */
export type FinanceProblemCode = keyof typeof FINANCE_MESSAGES;
export type FinanceProblemParams = { [C in FinanceProblemCode]: Record<string, string | number> };

export interface ProblemParams extends RuleProblemParams, FinanceProblemParams {
  // Reading what was typed
  notANumber: InputParams;
  ambiguousDot: InputParams;
  dateNotNumber: InputParams;
  errorValue: InputParams;
  notYesNo: InputParams;
  notAnOption: InputParams & { options: string };
  valueOutOfBounds: InputParams & { limit: number };
  invalidDate: NoParams;
  metaNoPeriod: FileParams;
  metaBadPeriod: FileParams & { found: string };
  metaUnknownPart: FileParams & { part: string; uppdrag: string; known: string };
  metaTooLong: FileParams & { field: string; length: number; max: number };
  metaFormula: FileParams & { field: string; found: string };
  metaControl: FileParams & { field: string };
  unitNameLookalike: FileParams & { unit: string };
  // A measure's own checks
  required: MeasureParams;
  requiredAnswer: MeasureParams;
  notWholeNumber: MeasureParams & { value: number };
  negative: MeasureParams & { value: number; min: number; unit: string };
  belowMin: MeasureParams & { value: number; min: number; unit: string };
  aboveMax: MeasureParams & { value: number; max: number; unit: string };
  unusuallyHigh: MeasureParams & { value: number; limit: number; unit: string };
  unusuallyLow: MeasureParams & { value: number; limit: number; unit: string };
  // Last period's workbook
  previousOtherUppdrag: FileParams & { uppdrag: string };
  previousOtherUnit: FileParams & { unit: string; expected: string };
  previousNotAdjacent: FileParams & { period: string; expected: string };
  // Reading files
  emptyFile: FileParams;
  notAWorkbook: FileParams;
  passwordProtected: FileParams;
  notATemplate: FileParams;
  unknownUppdrag: FileParams & { uppdrag: string };
  unknownVersion: FileParams & { found: string; expected: string; uppdrag: string };
  noUnit: FileParams;
  unreadableFile: FileParams & { reason: string };
  /** Sizes in whole MB, already rounded. */
  fileTooLarge: FileParams & { size: string; max: string };
  zipEntryTooLarge: FileParams & { entry: string; max: string };
  zipTotalTooLarge: FileParams & { max: string };
  zipTooManyEntries: FileParams & { count: number; max: number };
  tooManySheets: FileParams & { count: number; max: number };
  nameRangeTooLarge: FileParams & { name: string; cells: number; ref: string; max: number };
  sheetTooLargeToScan: FileParams & { sheet: string; maxRows: number; maxCells: number };
  fullReadTooLarge: { file: string; max: string };
  fileTooSlow: { file: string; seconds: string };
  measureNotFound: FileParams & { measure: string; name: string };
  nameMissingUsedLabel: { name: string; measure: string };
  otherUppdragThanAsked: FileParams & { found: string; expected: string };
  // Roll-up
  otherUppdrag: FileParams & { unit: string; found: string; expected: string };
  otherVersion: FileParams & { unit: string; found: string; expected: string };
  otherPeriod: FileParams & { unit: string; found: string; expected: string };
  duplicateUnit: FileParams & { unit: string; files: string };
  previousMissing: FileParams & { unit: string };
  previousUnpaired: FileParams & { unit: string; period: string };
  /** reason: the previous file's own problem, as text. */
  previousUnreadable: FileParams & { reason: string };
  previousAmbiguous: FileParams & { unit: string; files: string };
  duplicateCopy: FileParams & { copyOf: string; unit: string };
  unitConflictingFiles: { unit: string; count: number; files: string };
  namesMissingUsedLabels: FileParams & { count: number };
  unitMissing: { unit: string };
  unitNotExpected: { unit: string; file: string };
  recordUnreadable: { file: string; reason: string };
  recordRowSkipped: { file: string; row: number; column: string; found: string };
  // History (earlier periods beside this one) and targets (comparison/)
  historyOtherUppdrag: FileParams & { found: string; expected: string };
  historySamePeriod: FileParams & { period: string };
  historyLaterPeriod: FileParams & { period: string; current: string };
  historyDuplicatePeriod: FileParams & { period: string; other: string };
  targetsUnreadable: FileParams & { reason: string };
  /** expected: what the column takes, in words. */
  targetRowInvalid: FileParams & { row: number; column: string; found: string; expected: string };
  targetUnknownMeasure: FileParams & { row: number; measure: string; uppdrag: string };
  targetRepeated: FileParams & { row: number; measure: string; firstRow: number };
  targetsOtherUppdrag: FileParams & { found: string; expected: string };
  targetsOtherYear: FileParams & { found: string; expected: string };
  // Level 2
  levelTwoRule: LevelTwoParams;
}
export type ProblemCode = keyof ProblemParams;

/**
 * Texts that are not problems with a unit's file but are said in the same voice: catalog errors
 * (templates/), a level-2 figure's note, a typed list of units, a typed period.
 */
export interface OtherMessageParams {
  // The catalog: each names the file and field itself (catalog.ts)
  catalogInvalidJson: { reason: string };
  catalogDuplicateSection: { section: string };
  catalogDuplicateSheet: { sheet: string };
  catalogDuplicateMeasure: { measure: string };
  catalogUnknownSection: { section: string };
  catalogUnknownPart: { part: string };
  catalogAggregateMismatch: { aggregate: string; type: string; allowed: string };
  catalogRatioWithoutFormula: NoParams;
  catalogFormulaNotRatio: NoParams;
  catalogFormulaNotNumeric: { measure: string };
  catalogFormulaOfRatio: { measure: string };
  catalogChoiceWithoutOptions: NoParams;
  catalogWeightMissing: NoParams;
  catalogStatisticMissing: NoParams;
  catalogCountedByNotCount: { measure: string };
  catalogRuleUnknownMeasure: { measure: string };
  catalogRuleWrongType: { measure: string; type: string; rule: string };
  catalogDuplicateUppdrag: { uppdrag: string; file: string };
  catalogUnknownFragment: { fragment: string };
  // The catalog's schema (catalogSchema.ts): what a field must look like
  schemaId: NoParams;
  schemaTerm: NoParams;
  schemaSheetLength: NoParams;
  schemaSheetCharacters: NoParams;
  schemaUppdragId: NoParams;
  schemaVersion: NoParams;
  // Why a level-2 figure has no value although units reported (rollup.ts)
  figureZeroDenominator: NoParams;
  figureNoCases: NoParams;
  figureZeroWeights: NoParams;
  // A typed list of units (unitList.ts); row is the line number
  // (line numbers as text: a number would be written "1 234")
  unitListNoName: { row: string };
  unitListRepeated: { row: string; unit: string; firstRow: string };
  unitListSameFile: { row: string; unit: string; other: string; otherRow: string; fileName: string };
  /** known: the uppdrag's part ids, "" when it has none. */
  unitListUnknownPart: { row: string; part: string; uppdrag: string; known: string };
  unitListFileHeader: NoParams;
  // A typed period (period.ts)
  periodMissing: NoParams;
  periodUnknown: { input: string };
  /** frequencies: the uppdrag's, in words ("månad, tertial eller halvår"). */
  periodWrongFrequency: { uppdrag: string; frequencies: string; frequency: string };
}

export type MessageParams = ProblemParams & OtherMessageParams;
export type MessageCode = keyof MessageParams;

/** A message as data: a code and its params, made into text by messageText (sv.ts). */
export type Message<C extends MessageCode = MessageCode> = {
  [K in C]: { code: K; params: MessageParams[K] };
}[C];

/** A message's parameters as its text receives them: every value already written out. */
export type TextParams<P> = { readonly [K in keyof P]: string };

/** The problem codes whose parameters include `P`, e.g. every code that names a file. */
export type CodesWith<P> = { [C in ProblemCode]: ProblemParams[C] extends P ? C : never }[ProblemCode];

/**
 * The parameters a helper's caller still gives when the helper fills in `Filled` itself
 * (a file problem its file): optional when nothing is left.
 */
export type RestParams<C extends ProblemCode, Filled extends string = never> =
  Record<never, never> extends Omit<ProblemParams[C], Filled>
    ? [params?: Omit<ProblemParams[C], Filled>]
    : [params: Omit<ProblemParams[C], Filled>];
