/** 003's Driftredovisning (tkr, 2021 beside 2020) as printed in the seed: the tests' shared ledger table. */
export const DRIFT_003: (string | number | null)[][] = [
  ["tkr", 2021, null, null, 2020, null, null, null],
  [null, "Intäkter", "Kostnader", "Netto", "Intäkter", "Kostnader", "Netto", "Skillnad"],
  ["Verksamhet"],
  ["Övergripande", 3246, -12135, -8889, 2067, -14053, -11986, -3097],
  ["Vård och Omsorg", 25542, -165160, -139618, 20759, -170001, -149242, -9624],
  ["Funktionshinder", 17200, -88139, -70938, 16968, -80387, -63419, 7519],
  ["Individ- och familjeomsorg", 11016, -93829, -82813, 11523, -104224, -92701, -9888],
  ["Summa", 57004, -359261, -302257, 51317, -368665, -317348, -15091],
];
