// Types for scripts/test-prerequisites.mjs, for the tests that import it.

export interface Prerequisite {
  program: string;
  package: string;
  for: string;
}
export type Plan =
  | { action: 'run' }
  | { action: 'install'; packages: string[] }
  | { action: 'stop'; message: string };
export const PREREQUISITES: Prerequisite[];
export function findOnPath(name: string, env?: NodeJS.ProcessEnv): string | undefined;
export function chromiumPath(env?: NodeJS.ProcessEnv): string | undefined;
export function missingPrerequisites(env?: NodeJS.ProcessEnv): Prerequisite[];
export function plan(
  missing: Prerequisite[],
  context: { root: boolean; aptGet: boolean; noInstall: boolean },
): Plan;
export function stopMessage(missing: Prerequisite[]): string;
export function optionalNotes(env?: NodeJS.ProcessEnv): string[];
