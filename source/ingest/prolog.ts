// What a markup document starts with after its prolog: white space, XML declarations and
// processing instructions (<?…?>) and comments (<!--…-->). Read by indexOf rather than one regular
// expression, whose bounded repetitions of "anything but >" no checker can clear in reasonable time.
export function afterProlog(head: string): string {
	let at = 0;
	for (;;) {
		while (at < head.length && /\s/.test(head[at]!)) at++;
		const close = head.startsWith('<?', at) ? '?>' : head.startsWith('<!--', at) ? '-->' : null;
		if (close === null) return head.slice(at);
		const end = head.indexOf(close, at + 2);
		if (end === -1) return '';
		at = end + close.length;
	}
}
