// Types for the two converters of the `xliff` package (it ships none) that the XLIFF 2.0 exchanges use:
// interface strings (decision 0036) and campaign translations (decision 0037).
declare module 'xliff/js2xliff' {
  import type { XliffDocument } from 'xliff/xliff2js';
  export default function js2xliff(doc: XliffDocument, options?: { indent?: string }): Promise<string>;
}

declare module 'xliff/xliff2js' {
  export interface XliffUnit {
    source?: unknown;
    target?: unknown;
    note?: unknown;
  }
  export interface XliffDocument {
    sourceLanguage?: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export type XliffObject = XliffDocument;
  export default function xliff2js(xml: string): Promise<XliffDocument>;
}
