/** Swedish names of the catalog's enumerations, for what people read (describe, workbooks). A value type's and an aggregation's are in their descriptors (valueTypes/, aggregations/). */
import type { Frequency, MeasureKind } from "../model";

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

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  halvar: "halvår",
  tertial: "tertial",
  manad: "månad",
  ar: "helår",
};
