/** Swedish texts for the budget table's problems (issue 11: Ekonomi), keyed by problem code. */
type Params = Record<string, string>;

/** "Rad 7, kolumn D (Vård och Omsorg, budget 2021, kostnader)": where in the table, as Excel names it. */
const at = (p: Params) =>
  `Rad ${p.row}, kolumn ${p.column}${p.label || p.series ? ` (${[p.label, p.series].filter(Boolean).join(", ")})` : ""}`;

export const FINANCE_MESSAGES = {
  // Recognising the table
  financeNoHeader: () =>
    `Ingen budgettabell hittades (en rubrikrad ovanför rader med belopp). Kontrollera att filen är en driftredovisning med rubriker som Verksamhet, Intäkter, Kostnader, Netto.`,
  financeNoLabelColumn: (p: Params) =>
    `Ingen kolumn med verksamhet, uppdrag, enhet eller ansvar hittades i rubrikerna (rad ${p.row}). Skriv t.ex. "Verksamhet" överst i kolumnen med namnen.`,
  financeTableTurned: (p: Params) =>
    `Tabellen har intäkter, kostnader och netto som rader i kolumn ${p.column}. Vänd den så att varje verksamhet är en rad och intäkter, kostnader och netto är kolumner.`,
  financeNoAmountColumns: () =>
    `Inga kolumner med intäkter, kostnader, netto, budget, utfall eller prognos hittades i rubrikerna.`,
  financeColumnUnplaced: (p: Params) =>
    `Kolumn ${p.column} ("${p.header}") kunde inte tolkas och används inte. Ge den en rubrik som Intäkter, Kostnader, Netto, Budget, Utfall eller Prognos om den ska med.`,
  financeDuplicateColumn: (p: Params) =>
    `Kolumn ${p.column} betyder samma sak som kolumn ${p.other} (${p.series}) och används inte. Ta bort den ena eller förtydliga rubriken.`,
  financeAssumedNet: (p: Params) =>
    `Rubrikerna säger inte om beloppen är intäkter, kostnader eller netto; kolumn ${p.columns} läses som netto.`,
  financeScenarioUnknown: (p: Params) =>
    `Rubrikerna säger inte om beloppen är budget, utfall eller prognos (kolumn ${p.columns}). Ange det (t.ex. "Budget 2025" i rubriken) för att jämföra budget och utfall.`,
  financeNotANumber: (p: Params) =>
    `${at(p)}: "${p.input}" är inte ett belopp. Skriv bara siffror, t.ex. -12 135.`,
  financeRowWithoutLabel: (p: Params) =>
    `Rad ${p.row} har belopp men inget namn i kolumn ${p.column}. Skriv verksamhetens namn.`,
  financeBadPeriod: (p: Params) =>
    `Rad ${p.row}, kolumn ${p.column}: "${p.input}" är ingen period (t.ex. 2025, 2025H1, 2025T2 eller 2025M03).`,
  financeUnsupportedUnit: (p: Params) => `Rubrikerna anger beloppen i ${p.unit}; ange dem i tkr eller kr.`,
  financeMixedUnits: (p: Params) =>
    `Rubrikerna anger belopp i både ${p.units}. Beloppen räknas inte ihop förrän alla kolumner har samma enhet.`,
  financeUnitConflict: (p: Params) =>
    `Rubrikerna anger belopp i ${p.header}, men ${p.option} valdes. Kontrollera vilken enhet beloppen har.`,
  financeUnitUnknown: () =>
    `Det framgår inte om beloppen är i tkr eller kr. Ange enheten (--enhet tkr eller --enhet kr) eller skriv den i rubriken.`,
  // Checks
  financeSignUnknown: (p: Params) =>
    `Det går inte att avgöra om tabellens ${p.kind} skrivs med plus eller minus (lika många av varje). Tecknen kontrolleras inte.`,
  financeSumMismatch: (p: Params) =>
    `${at(p)}: summan är ${p.printed} men raderna ovanför (${p.rows}) blir ${p.sum} ${p.unit}. Skillnaden är större än avrundningen tillåter (${p.count} rader × 0,5 = ${p.allowance}).`.replace(
      " .",
      ".",
    ),
  financeNetMismatch: (p: Params) =>
    `${at(p)}: netto är ${p.netto} men intäkter ${p.intakter} och kostnader ${p.kostnader} ger ${p.expected} ${p.unit}. Skillnaden är större än 1 (avrundning).`.replace(
      " .",
      ".",
    ),
  financeRowSignDiffers: (p: Params) =>
    `${at(p)}: raden skriver tecknen på annat sätt än resten av tabellen (intäkter ${p.intakter}, kostnader ${p.kostnader}${p.netto ? `, netto ${p.netto}` : ""}). Rätta tecknen så att raden följer tabellens konvention.`,
  financeNegativeCost: (p: Params) =>
    `${at(p)}: kostnaden ${p.value} är negativ, men tabellen skriver kostnader som positiva tal. Kontrollera tecknet.`,
  financePositiveCost: (p: Params) =>
    `${at(p)}: kostnaden ${p.value} är positiv, men tabellen skriver kostnader som negativa tal. Kontrollera tecknet.`,
  financeNegativeIncome: (p: Params) =>
    `${at(p)}: intäkten ${p.value} är negativ, men tabellen skriver intäkter som positiva tal. Kontrollera tecknet.`,
  financePositiveIncome: (p: Params) =>
    `${at(p)}: intäkten ${p.value} är positiv, men tabellen skriver intäkter som negativa tal. Kontrollera tecknet.`,
  // Mapping rows to units
  financeRowWithoutUnit: (p: Params) =>
    `Budgetraden "${p.row}" (rad ${p.rows}) motsvarar ingen enhet i uppföljningen. Koppla den till en enhet eller markera att den inte hör till någon.`,
  financeUnitWithoutBudget: (p: Params) =>
    `Enheten ${p.unit} har mått men ingen budgetrad. Koppla en budgetrad till enheten.`,
  financeMappingRowGone: (p: Params) =>
    `Den sparade kopplingen "${p.row}"${p.unit ? ` → ${p.unit}` : ""} används inte: raden finns inte längre i budgetfilen.`,
  financeMappingUnitGone: (p: Params) =>
    `Den sparade kopplingen "${p.row}" → ${p.unit} används inte: enheten finns inte längre i uppföljningen. Koppla raden på nytt.`,
  financeMappingUnreadable: (p: Params) =>
    `Den sparade kopplingen ${p.file} kan inte läsas (${p.reason}) och används inte; raderna kopplas på namn.`,
  financeMappingOtherUppdrag: (p: Params) =>
    `Den sparade kopplingen ${p.file} gäller uppdraget ${p.found}, inte ${p.expected}, och används inte.`,
  financeConfirmRows: (p: Params) =>
    `Budgetrader som inte motsvarar någon enhet: ${p.rows}. Koppla dem (eller markera att de inte hör till någon enhet) och spara kopplingen med: ${p.command}`,
  financeMappingElsewhere: (p: Params) =>
    `Ingen sparad koppling för den här budgetfilen (${p.expected}), men mappen har ${p.files}. Ange --mappning ${p.first} för att återanvända den (till exempel förra periodens); med --bekrafta sparas den sedan för den här filen.`,
  financePairMalformed: (p: Params) =>
    `"${p.input}" är ingen koppling. Skriv "Radnamn=Enhet", eller "Radnamn=" för en rad som inte hör till någon enhet.`,
  financePairUnknownRow: (p: Params) => `Budgetfilen har ingen rad "${p.row}". Raderna heter ${p.rows}.`,
  financePairUnknownUnit: (p: Params) =>
    `"${p.row}" kan inte kopplas till ${p.unit}: enheten finns inte i enhetslistan (${p.units}).`,
  // Key figures
  financeNoColumnForPeriod: (p: Params) =>
    `Budgetfilen har ingen kolumn med ${p.scenario} för ${p.period} (den har ${p.found}). Använd budgetfilen för rätt år eller period.`,
  financeBadPeriodisation: (p: Params) => `Periodiseringen kan inte användas: ${p.reason}.`,
  financeNoVolumeMeasure: (p: Params) =>
    `Uppdraget har inget nyckeltal som ställer kostnaderna mot en volym (brukare, patienter, årsarbetare); kostnaderna för ${p.units} kan inte relateras till något.`,
  financeCostsWithoutVolume: (p: Params) =>
    `Enheten ${p.unit} har kostnader men ingen volym att relatera dem till (${p.figures} saknar nämnare).`,
} satisfies Record<string, (p: Params) => string>;
