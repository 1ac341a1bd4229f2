// What an error says, for a one-line message: its message, without the stack.
export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
