// The plain-text part of a mail whose body is Markdown (mailings): marked parses the Markdown and this walks
// its tokens into text a person reads as it is, in a mail client that shows no HTML or a screen reader:
// no `**`, `_` or `#` markers, a link as `its words (its address)`, lists with `-` or their numbers,
// quotes behind `> `. Raw HTML in the source is kept as the text it is, as the HTML part shows it.
import { Lexer, type Token, type Tokens } from 'marked';

const safeSchemes = new Set(['http:', 'https:', 'mailto:']);

const lexer = () => new Lexer({ gfm: true, breaks: false });

/** The words of a run of inline tokens; a link's address follows its words in brackets. */
function inline(tokens: readonly Token[] | undefined): string {
  let out = '';
  for (const t of tokens ?? []) out += inlineToken(t);
  return out;
}

function inlineToken(t: Token): string {
  switch (t.type) {
    case 'link': {
      const link = t as Tokens.Link;
      const words = inline(link.tokens).trim();
      // Only the schemes the HTML part keeps (http/views/markdown.ts): a `javascript:` link is its words.
      const scheme = link.href.slice(0, link.href.indexOf(':') + 1).toLowerCase();
      if (!safeSchemes.has(scheme)) return words;
      const address = link.href.startsWith('mailto:') ? link.href.slice('mailto:'.length) : link.href;
      // An address written as itself (an autolink, or words that are the address) is not said twice.
      return words === '' || words === link.href || words === address ? address : `${words} (${address})`;
    }
    case 'image':
      return (t as Tokens.Image).text;
    case 'br':
      return '\n';
    case 'strong':
    case 'em':
    case 'del':
      return inline((t as Tokens.Strong).tokens);
    case 'codespan':
      return (t as Tokens.Codespan).text;
    case 'text':
      return 'tokens' in t && t.tokens ? inline(t.tokens) : (t as Tokens.Text).text;
    default:
      return 'text' in t && typeof t.text === 'string' ? t.text : '';
  }
}

/** Prefixes every line after the first with `pad` (an item's continuation lines under its first). */
const hang = (text: string, pad: string) => text.split('\n').join(`\n${pad}`);

function blocks(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        break;
      case 'heading':
      case 'paragraph':
        out.push(inline((t as Tokens.Heading).tokens).trim());
        break;
      case 'text': {
        const text = t as Tokens.Text;
        out.push((text.tokens ? inline(text.tokens) : text.text).trim());
        break;
      }
      case 'list': {
        const list = t as Tokens.List;
        const first = typeof list.start === 'number' ? list.start : 1;
        const items = list.items.map((item, i) => {
          const marker = list.ordered ? `${first + i}. ` : '- ';
          const body = blocks(item.tokens).join(item.loose ? '\n\n' : '\n');
          return marker + hang(body, ' '.repeat(marker.length));
        });
        out.push(items.join(list.loose ? '\n\n' : '\n'));
        break;
      }
      case 'blockquote':
        out.push(
          blocks((t as Tokens.Blockquote).tokens)
            .join('\n\n')
            .split('\n')
            .map((line) => (line === '' ? '>' : `> ${line}`))
            .join('\n'),
        );
        break;
      case 'hr':
        out.push('----');
        break;
      case 'code':
        out.push((t as Tokens.Code).text);
        break;
      case 'html':
        out.push((t as Tokens.HTML).text.trim());
        break;
      case 'table': {
        const table = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens).trim()).join(' | ');
        out.push([row(table.header), ...table.rows.map(row)].join('\n'));
        break;
      }
      default:
        if ('text' in t && typeof t.text === 'string') out.push(t.text.trim());
    }
  }
  return out.filter((b) => b !== '');
}

/** Markdown as readable plain text: paragraphs separated by a blank line, no markup characters. */
export function markdownToText(markdown: string): string {
  return blocks(lexer().lex(markdown)).join('\n\n');
}
