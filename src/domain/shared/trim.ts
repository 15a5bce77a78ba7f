// Trimming a run of characters from the ends of a text in linear time. A pattern like `/[ \t]+$/` is tried
// from every position of a long run that does not reach the end, which is quadratic: 50,000 spaces before
// a letter take seconds. These loops look at each character once.

/** Whether `char` (one code point) is to be trimmed. */
export type CharTest = (char: string) => boolean;

/** A test that accepts exactly the characters of `chars`. */
export const oneOf =
  (chars: string): CharTest =>
  (char) =>
    char !== '' && chars.includes(char);

/** `text` without the characters `strip` accepts at its start. */
export function trimStartWhile(text: string, strip: CharTest): string {
  let start = 0;
  while (start < text.length) {
    const width = text.codePointAt(start)! > 0xffff ? 2 : 1;
    if (!strip(text.slice(start, start + width))) break;
    start += width;
  }
  return text.slice(start);
}

/** `text` without the characters `strip` accepts at its end. */
export function trimEndWhile(text: string, strip: CharTest): string {
  let end = text.length;
  while (end > 0) {
    // A surrogate pair ends here when a code point above U+FFFF starts two units back.
    const width = end >= 2 && text.codePointAt(end - 2)! > 0xffff ? 2 : 1;
    if (!strip(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(0, end);
}

/** `text` without the characters `strip` accepts at either end. */
export function trimWhile(text: string, strip: CharTest): string {
  return trimEndWhile(trimStartWhile(text, strip), strip);
}
