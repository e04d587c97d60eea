/** Case- and accent-insensitive search text, as src/api/static-source.ts folds it. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function signatorySearchText(s: {name: string; organization?: string | null; role?: string | null; location?: string | null}): string {
  return foldForSearch([s.name, s.organization, s.role, s.location].filter(Boolean).join(' '));
}
