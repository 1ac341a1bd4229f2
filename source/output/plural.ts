// "1 note", "3 notes": counts in the words every command prints them in.
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
