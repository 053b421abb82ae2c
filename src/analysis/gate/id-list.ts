// Ids in a finding's message: each quoted, and a long list cut after the first few with a count
// of the rest, so that a message stays one readable line however many ids it is about.

/** Ids listed by name before "and N more". */
const SHOWN_IDS = 5;

export function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).map(q).join(', ');
  return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown;
}

export function q(id: string): string {
  return `"${id}"`;
}
