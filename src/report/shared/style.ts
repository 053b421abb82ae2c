// Colour for the text reports, and only for them: a chalk instance at level 0 prints plain text,
// so a reporter is written once and the CLI decides whether colour is wanted.

import { Chalk, type ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

export function createStyle(color: boolean): Style {
  return new Chalk({ level: color ? 1 : 0 });
}
