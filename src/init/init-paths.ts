// Where `init` writes: the starter manifest, and the folder beside it for the generated imports.

export const STARTER_MANIFEST = 'blast-radius.yaml';
export const IMPORTS_FOLDER = 'blast-radius';
