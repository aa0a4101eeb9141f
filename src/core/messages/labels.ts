/** Swedish names of the catalog's enumerations, for what people read (describe, workbooks). A value type's is in its descriptor (valueTypes/). */
import type { AggregationKind, Frequency, MeasureKind } from "../model";

export const KIND_LABELS: Record<MeasureKind, string> = {
  struktur: "Strukturmått",
  process: "Processmått",
  resultat: "Resultatmått",
  effekt: "Effektmått",
  kvalitetsomrade: "Kvalitetsområde",
  grundlaggande: "Grundläggande kvalitetsuppföljning",
  kvalitetskrav: "Kvalitetskrav",
  garanti: "Service- och värdighetsgaranti",
};

export const AGGREGATION_LABELS: Record<AggregationKind, string> = {
  sum: "summa",
  stock: "summa av bestånd vid samma datum",
  ratio: "kvot av summor",
  pooled: "alla ärenden sammanslagna",
  weightedMean: "vägt medelvärde",
  yesCount: "antal enheter med Ja av de som svarat",
  tally: "antal enheter per val",
  text: "texter enhet för enhet",
  none: "summeras inte",
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  halvar: "halvår",
  tertial: "tertial",
  manad: "månad",
  ar: "helår",
};
