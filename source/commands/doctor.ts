import {sanitize} from '../output/sanitize.js';
import {
	examineBriefing,
	examineNotes,
	mergedNotes,
	repairBriefing,
	repairNotes,
	type BriefingExam,
	type BriefingRepair,
	type NotesExam,
	type NotesRepair,
} from '../store/doctor.js';
import {listNotes, type Note} from '../store/notes.js';
import type {BriefingData} from '../store/schema.js';
import {loadExtract} from './extractor.js';
import {plural} from '../output/plural.js';

// A few ids, then how many more.
const someIds = (notes: Note[]) => {
	const ids = notes.map((note) => note.id);
	return ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')} and ${ids.length - 12} more`;
};

const when = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

type Report = {lines: string[]; problem: boolean; unrepairable: boolean};

// A file that cannot be read at all (permissions, a directory): only the user can change that.
const unreadable = (headLine: string): Report => ({
	lines: [headLine, '  doctor cannot repair this: make the file readable (or move it away), then run briefing doctor again'],
	problem: true,
	unrepairable: true,
});

function leftoverLine(leftovers: number, removed: boolean): string[] {
	if (leftovers === 0) return [];
	const files = plural(leftovers, 'temporary file');
	return [
		removed
			? `  removed ${files} of interrupted writes`
			: `  ${files} of interrupted writes ${leftovers === 1 ? 'is' : 'are'} next to it: harmless, the next write removes them`,
	];
}

function migrationLines(exam: {steps: Array<{from: number; to: number; what: string}>}, what: string): string[] {
	return exam.steps.map((step) => `  ${what} ${step.from} to ${step.to}: ${step.what}`);
}

function briefingReport(exam: BriefingExam, repair: BriefingRepair | null): Report {
	const head = (text: string) => `${exam.file}: ${text}`;
	const leftovers = leftoverLine(exam.leftovers, repair !== null);
	switch (exam.kind) {
		case 'missing':
			return {lines: [head('none yet (nothing has been ingested)'), ...leftovers], problem: false, unrepairable: false};
		case 'ok': {
			const {articles, actors, events, quotes} = exam.data;
			const counts = `${plural(articles.length, 'article')}, ${plural(actors.length, 'actor')}, ${plural(events.length, 'event')}, ${plural(quotes.length, 'quote')}`;
			return {lines: [head(`ok (${counts})`), ...leftovers], problem: false, unrepairable: false};
		}
		case 'unreadable':
			return unreadable(head(exam.problem));
		case 'newer':
			return {
				lines: [head(exam.problem), '  doctor leaves it as it is: only a newer briefing can read it'],
				problem: true,
				unrepairable: true,
			};
		case 'older': {
			const lines = [head(exam.problem), ...migrationLines(exam, 'schema')];
			if (repair?.backup) lines.push(`  backed up to ${repair.backup}`, `  written as schema ${exam.data.schemaVersion}`);
			else
				lines.push(
					`  briefing doctor --fix backs it up and writes it as schema ${exam.data.schemaVersion} (ingest does the same when it next writes it)`,
				);
			return {lines: [...lines, ...leftovers], problem: true, unrepairable: false};
		}
		case 'broken': {
			const lines = [head(exam.problem)];
			const lost = exam.lost.length + exam.lostUnnamed;
			const named = exam.lost.length ? `: ${exam.lost.join(', ')}` : '';
			if (!repair) {
				lines.push(
					exam.refused
						? '  briefing does not read it, nor write over it, until it is repaired'
						: '  briefing reads it, but may show those items wrongly or not at all',
				);
				if (exam.articles.length) lines.push(`  the texts of ${plural(exam.articles.length, 'article')} can be read from it`);
				if (lost) lines.push(`  ${plural(lost, 'article')} cannot be read from it and must be ingested again${named}`);
				if (exam.articles.length) {
					lines.push(
						'  briefing doctor --fix copies it to a backup and rebuilds briefing.json from those texts; ids stay as they were, so notes stay on their items',
					);
				} else {
					if (!lost) lines.push('  no article can be read from it: the articles must be ingested again (briefing ingest FILE...)');
					lines.push('  briefing doctor --fix copies it to a backup and starts an empty briefing.json');
				}
				return {lines: [...lines, ...leftovers], problem: true, unrepairable: false};
			}
			const data = repair.written!;
			lines.push(`  backed up to ${repair.backup}`);
			const rebuilt = exam.articles.length - (repair.rebuilt?.failed.length ?? 0);
			lines.push(
				rebuilt
					? `  rebuilt from the texts of ${plural(rebuilt, 'article')}: ${plural(data.actors.length, 'actor')}, ${plural(data.events.length, 'event')}, ${plural(data.quotes.length, 'quote')}`
					: '  wrote an empty briefing.json',
			);
			for (const {article, reason} of repair.rebuilt?.failed ?? [])
				lines.push(`  not rebuilt, ingest it again: ${article.key} (${reason})`);
			if (lost) lines.push(`  ${plural(lost, 'article')} could not be recovered and must be ingested again${named}`);
			return {lines: [...lines, ...leftovers], problem: true, unrepairable: false};
		}
	}
}

function notesReport(exam: NotesExam, repair: NotesRepair | null, briefing: BriefingData | null): Report {
	const head = (text: string) => `${exam.file}: ${text}`;
	const leftovers = leftoverLine(exam.leftovers, repair !== null);
	switch (exam.kind) {
		case 'missing':
			return {lines: [head('none yet (no notes)'), ...leftovers], problem: false, unrepairable: false};
		case 'ok': {
			const detached = briefing ? listNotes(exam.data.notes, briefing).filter((note) => note.detached).length : 0;
			const more = detached ? `; ${detached} detached, on items no longer in the briefing` : '';
			return {lines: [head(`ok (${plural(exam.data.notes.length, 'note')}${more})`), ...leftovers], problem: false, unrepairable: false};
		}
		case 'unreadable':
			return unreadable(head(exam.problem));
		case 'newer':
			return {
				lines: [
					head(exam.problem),
					`  doctor leaves it as it is: only a newer briefing can change it; this one lists the ${plural(exam.readable.length, 'note')} it can read of it`,
				],
				problem: true,
				unrepairable: true,
			};
		case 'older': {
			const lines = [head(exam.problem), ...migrationLines(exam, 'notes schema')];
			if (repair?.backup)
				lines.push(
					`  backed up to ${repair.backup}`,
					`  written as notes schema ${exam.data.schemaVersion}, with all ${plural(exam.data.notes.length, 'note')}`,
				);
			else
				lines.push(
					`  briefing doctor --fix backs it up and writes it as notes schema ${exam.data.schemaVersion} (adding a note does the same)`,
				);
			return {lines: [...lines, ...leftovers], problem: true, unrepairable: false};
		}
		case 'broken': {
			const {data, fromBackup, renumbered} = mergedNotes(exam);
			const lines = [head(exam.problem)];
			const readable = exam.readable.length + exam.renumber.length;
			if (!repair) lines.push('  briefing lists the notes it can read of it, and changes none until it is repaired');
			lines.push(
				readable
					? `  ${plural(readable, 'note')} can be read from it: ${someIds([...exam.readable, ...renumbered])}`
					: '  no note can be read from it',
			);
			for (const line of exam.mended) lines.push(`  ${line}`);
			// A note the backup has is not lost, even if its text cannot be read here.
			const unkept = exam.unkept.filter((id) => !data.notes.some((note) => note.id === id));
			if (unkept.length)
				lines.push(
					`  ${plural(unkept.length, 'note')} cannot be kept, since no text can be read of ${unkept.length === 1 ? 'it' : 'them'}: ${unkept.join(', ')}`,
				);
			for (const [index, note] of exam.renumber.entries()) {
				lines.push(
					`  ${note.id ? `a second note ${note.id}` : 'a note without an id'} ${repair ? 'is now' : 'becomes'} ${renumbered[index]!.id}`,
				);
			}
			if (exam.backup) {
				const others = fromBackup.length
					? `; ${plural(fromBackup.length, 'note')} of it ${fromBackup.length === 1 ? 'is' : 'are'} not among those: ${someIds(fromBackup)}`
					: ', all among those';
				lines.push(
					`  ${exam.backup.path} (${when(exam.backup.modified)}) is a whole backup with ${plural(exam.backup.data.notes.length, 'note')}${others}`,
				);
			} else {
				lines.push('  there is no whole backup of it');
			}
			const sources = [`${readable} read from it`, ...(fromBackup.length ? [`${fromBackup.length} from the backup`] : [])].join(' and ');
			if (!repair) {
				lines.push(
					data.notes.length
						? `  briefing doctor --fix copies it to a backup and writes a notes.json with ${plural(data.notes.length, 'note')} (${sources})${unkept.length ? '' : '; no note is dropped'}`
						: '  briefing doctor --fix copies it to a backup, where what it holds stays, and starts an empty notes.json',
				);
			} else {
				lines.push(`  backed up to ${repair.backup}`, `  wrote ${plural(data.notes.length, 'note')} (${sources})`);
			}
			if (fromBackup.length)
				lines.push('  a note removed after that backup was made comes back with it: remove it again with briefing note rm');
			return {lines: [...lines, ...leftovers], problem: true, unrepairable: false};
		}
	}
}

// `briefing doctor [--fix]`: checks briefing.json and notes.json, says what is wrong and what
// --fix would do; with --fix, does it. Exits 0 when all is well (or was repaired), else 1.
export async function doctorCommand(args: string[], options: {dir: string; fix: boolean}): Promise<number> {
	if (args.length > 0) throw new Error('doctor takes no arguments (see briefing --help)');
	let briefingExam = await examineBriefing(options.dir);
	let notesExam = await examineNotes(options.dir);
	let briefingRepair: BriefingRepair | null = null;
	let notesRepair: NotesRepair | null = null;
	const needsRepair = (exam: BriefingExam | NotesExam) =>
		exam.kind === 'older' || exam.kind === 'broken' || (exam.leftovers > 0 && exam.kind !== 'unreadable');
	if (options.fix) {
		// Each repair looks at its file again under the lock and reports what it found there.
		if (needsRepair(briefingExam)) {
			briefingRepair = await repairBriefing(options.dir, loadExtract);
			briefingExam = briefingRepair.exam;
		}
		if (needsRepair(notesExam)) {
			notesRepair = await repairNotes(options.dir);
			notesExam = notesRepair.exam;
		}
	}
	const briefing = briefingRepair?.written ?? (briefingExam.kind === 'ok' || briefingExam.kind === 'older' ? briefingExam.data : null);
	const reports = [briefingReport(briefingExam, briefingRepair), notesReport(notesExam, notesRepair, briefing)];
	const lines = reports.flatMap((report) => report.lines);
	const problems = reports.filter((report) => report.problem).length;
	const unrepairable = reports.filter((report) => report.unrepairable).length;
	let status: number;
	if (problems === 0) {
		lines.push('All is well.');
		status = 0;
	} else if (!options.fix) {
		const repairable = problems - unrepairable;
		lines.push(
			`${plural(problems, 'problem')}; nothing was changed.${repairable ? ` briefing doctor --fix repairs ${repairable === problems ? (problems === 1 ? 'it' : 'them') : repairable}, after a backup.` : ''}`,
		);
		status = 1;
	} else {
		const repaired = problems - unrepairable;
		lines.push(
			[
				repaired ? `Repaired ${plural(repaired, 'problem')}; the old files are kept as backups.` : '',
				unrepairable ? `${plural(unrepairable, 'problem')} doctor cannot repair (see above).` : '',
			]
				.filter(Boolean)
				.join(' '),
		);
		status = unrepairable ? 1 : 0;
	}
	process.stdout.write(sanitize(`${lines.join('\n')}\n`));
	return status;
}
