// Apart from read.ts so that code which only checks a file's size (the import CLI's main thread)
// does not load SheetJS: the parse itself runs in a worker.

/** Largest file accepted by the import (20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
