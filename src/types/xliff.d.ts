// Types for the parts of the `xliff` package (no types of its own) that the XLIFF 2.0 exchange uses: the
// converters between an XLIFF document and its plain object form.
declare module 'xliff/js2xliff' {
  import type { XliffObject } from 'xliff/xliff2js';
  export default function js2xliff(obj: XliffObject): Promise<string>;
}

declare module 'xliff/xliff2js' {
  export interface XliffUnit {
    source?: unknown;
    target?: unknown;
  }
  export interface XliffObject {
    sourceLanguage?: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export default function xliff2js(xml: string): Promise<XliffObject>;
}
