// "/{locale}/verify": anyone pastes an export of signers (the editors' CSV, or one a partner or target was
// given) and learns whether its rows are as this site's signature log recorded them and whether the tree
// head it names was signed and published here (domain/signature-log/verify-export.ts, decision 0031). It
// stores nothing and changes nothing, so the POST needs no form token; its body may be large (a whole
// export) but is bounded, and the work is one hash per row.
import type { KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SignatureLogStore } from '../../../domain/signature-log/signature-log.ports.js';
import {
  type ExportVerdict,
  maxExportBytes,
  verifyExport,
} from '../../../domain/signature-log/verify-export.js';
import type { Translator } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { TextArea } from '../../views/form-fields.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

export interface VerifyDeps {
  site: SiteInfo;
  log: Pick<SignatureLogStore, 'findHead'>;
  publicKey: KeyObject;
}

/** Percent-encoding can triple a text's size in a form body. */
const bodyLimit = maxExportBytes * 3;
const body = z.object({ csv: z.string().max(maxExportBytes) });

function Verdict({ tr, verdict }: { tr: Translator; verdict: ExportVerdict }) {
  if (verdict.status === 'verified') {
    return (
      <p class="notice" role="status">
        {tr.t('verify.verified', {
          rows: verdict.rows,
          size: verdict.head.size,
          date: tr.date(verdict.head.timestamp, 'long'),
          uncovered: verdict.uncovered,
        })}
      </p>
    );
  }
  const status = verdict.status === 'no-head' ? 'nohead' : verdict.status;
  return (
    <p class="notice notice--important" role="alert">
      {tr.t('verify.failed', { status })}
    </p>
  );
}

function VerifyPage(props: { tr: Translator; site: SiteInfo; csv: string; verdict?: ExportVerdict }) {
  const { tr, site } = props;
  const t = tr.t;
  return (
    <Layout tr={tr} site={site} title={t('verify.title')} path="/verify">
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      {props.verdict ? <Verdict tr={tr} verdict={props.verdict} /> : null}
      <form method="post" action={`/${tr.locale}/verify`}>
        <TextArea
          id="csv"
          label={t('verify.field')}
          value={props.csv}
          rows={12}
          dir="ltr"
          required
          spellcheck={false}
        />
        <button type="submit" class="button button--big">
          {t('verify.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function verifyRoutes(app: FastifyInstance, deps: VerifyDeps): void {
  app.get('/:locale/verify', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    return sendPage(reply, <VerifyPage tr={req.tr} site={deps.site} csv="" />);
  });
  app.post('/:locale/verify', { bodyLimit }, async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const parsed = body.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(req, reply, deps.site, 400);
    const verdict = await verifyExport(parsed.data.csv, { heads: deps.log, publicKey: deps.publicKey });
    // Large pastes are not sent back: the verdict is what the reader came for.
    const csv = parsed.data.csv.length <= 200_000 ? parsed.data.csv : '';
    return sendPage(reply, <VerifyPage tr={req.tr} site={deps.site} csv={csv} verdict={verdict} />);
  });
}
