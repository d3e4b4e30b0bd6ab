/**
 * Text from a user's file, made safe to print in a message: control characters (a binary file's
 * bytes, an escape sequence that would recolour or clear the terminal), line and paragraph
 * separators and bidirectional overrides are shown as escapes (`\x1b`, `\u202e`) instead of being
 * sent raw to the terminal, as git and esbuild do with the names and text they echo.
 */

// C0 controls, DEL and C1 controls; U+2028/2029 (line breaks to some terminals and editors);
// bidirectional embeddings, overrides and isolates (text that reads differently than it is).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, except the line feed, for whole messages whose lines are resim's own.
const UNSAFE_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(char: string): string {
  const code = char.charCodeAt(0);
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "\t") return "\\t";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` with every unsafe character escaped (line breaks too: a found value is one line). */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** A whole message: unsafe characters escaped, its own line breaks kept. */
export function printableMessage(text: string): string {
  return text.replace(UNSAFE_BUT_LF, escape);
}
