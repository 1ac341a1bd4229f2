import {once} from 'node:events';
import type {Writable} from 'node:stream';

// A listing of 100,000 events is about 30 MB of text and 65 MB of JSON; held whole, with the
// pieces it was joined from, it costs more than the briefing it comes from. So it is written a
// chunk at a time, each chunk joined from the pieces the renderers give one item at a time.
const CHUNK_CHARS = 64 * 1024;

export async function writeChunked(pieces: Iterable<string>, out: Writable = process.stdout): Promise<void> {
	let chunk = '';
	for (const piece of pieces) {
		chunk += piece;
		if (chunk.length >= CHUNK_CHARS) {
			await write(out, chunk);
			chunk = '';
		}
	}
	await write(out, chunk);
}

// A pipe to a slow reader fills up: wait until it drains rather than queue the rest in memory.
// A closed pipe (`| head`) is the 'error' handler's in cli.tsx, which exits.
async function write(out: Writable, chunk: string): Promise<void> {
	if (!out.write(chunk)) await once(out, 'drain');
}
