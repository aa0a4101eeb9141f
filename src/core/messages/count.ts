/** "1 fil", "2 filer": a count with its word in the right number, for every front end. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
