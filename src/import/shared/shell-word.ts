// A word of a POSIX shell command line, quoted only when it has to be: how the importers' headers
// and `init` write the command that regenerates a manifest.

export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
