// A problem with the briefing directory or briefing.json. The message names the file and the
// problem, so the CLI prints it as is.
export class StoreError extends Error {
	override name = 'StoreError';
}

// A problem reading an article file. Like ArticleError, the message names the problem only; the
// CLI prefixes the file as the user typed it.
export class FileError extends Error {
	override name = 'FileError';
}

// A file the user made read-only is theirs to keep as it is: briefing refuses to write over it,
// although renaming a new file into place would succeed.
export class ReadOnlyFileError extends Error {
	override name = 'ReadOnlyFileError';
}

// A string in V8 holds at most 2^29 - 24 characters: JSON text longer than that can be neither
// read nor written whole.
const TOO_LARGE = 'is too large to read or write as one JSON text (over 512 MB)';

// The code of a failed file operation ('ENOENT'...), undefined for other errors.
export const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

// Node's error codes are not worth showing to a user; these are the ones a path can run into.
export function describeFsError(error: unknown): string {
	if (error instanceof ReadOnlyFileError) return 'is read-only, so briefing does not write over it (chmod u+w lets it)';
	switch (errorCode(error)) {
		case 'ENOENT':
			return 'no such file or directory';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'is a directory';
		case 'ENOTDIR':
			return 'a part of the path is not a directory';
		case 'EROFS':
			return 'is on a read-only file system';
		case 'ENOSPC':
			return 'no space left on the device';
		case 'EFBIG':
			return 'would be larger than this process may write (ulimit -f)';
		case 'EDQUOT':
			return 'the disk quota is used up';
		case 'ERR_STRING_TOO_LONG':
			return TOO_LARGE;
		default:
			// Node 20 reads a file of more than 512 MB into a Buffer, then fails to make a string of it.
			if (error instanceof RangeError && /string length/i.test(error.message)) return TOO_LARGE;
			return (error as Error).message;
	}
}
