// Error texts we store or log (a job's failure reason, an SMTP answer) often quote the address a mail was
// for: "550 5.1.1 <ana@example.org>: Recipient address rejected". A supporter's address has no business in
// the jobs table or the logs, so every word with an @ in it is replaced before a reason is kept.

/** What separates words in an error text: an address never contains these. */
const separators = /([\s<>()[\]"',;:]+)/;

export function redactAddresses(text: string): string {
  return text
    .split(separators)
    .map((word, i) => {
      if (i % 2 === 1) return word;
      const at = word.indexOf('@');
      return at > 0 && at < word.length - 1 ? '[address]' : word;
    })
    .join('');
}
