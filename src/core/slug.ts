/** "Team Norr/Öst" → "Team-Norr-Ost": a unit's name as it can stand in a file name anywhere. */
export function slug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "enhet"
  );
}

/** Two names that would give the same file: Windows and macOS do not tell case apart in file names. */
export function slugKey(text: string): string {
  return slug(text).toLowerCase();
}
