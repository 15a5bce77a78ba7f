// The page an import streams while it runs (docs/decisions/0022-list-import.md): the editor layout and a
// heading go first, then one line with a progress bar per step (rows read, checked against the lists,
// saved), each shown in place of the one before by CSS alone, so it updates with no JavaScript; the report
// (or a failure that stored nothing) follows when the one transaction has ended.
import { renderToString } from 'preact-render-to-string';
import type { ImportProgress } from '../../../domain/list-admin/list-admin.ports.js';
import { isolate, type StringKey, type Translator } from '../../../i18n/translator.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { listName } from './lists-page.js';

const stepsHole = '@@outcry-import-steps@@';
const endHole = '@@outcry-import-end@@';

const stepKeys: Record<ImportProgress['phase'], StringKey> = {
  reading: 'editor.lists.import.step.reading',
  checking: 'editor.lists.import.step.checking',
  saving: 'editor.lists.import.step.saving',
};

function ImportProgressPage(p: EditorPageBase & { locale: string }) {
  const t = p.tr.t;
  return (
    <EditorPage page={p} title={t('editor.lists.title')} section="lists">
      <h1>{t('editor.lists.title')}</h1>
      <section class="editor-panel" aria-labelledby="import-progress-heading">
        <h2 id="import-progress-heading">
          {t('editor.lists.import.running', { list: isolate(listName(p.tr, p.locale)) })}
        </h2>
        <div class="import-steps" role="status">
          {stepsHole}
        </div>
      </section>
      {endHole}
      <p>
        <a href="/editor/lists">{t('editor.lists.back')}</a>
      </p>
    </EditorPage>
  );
}

/** The page in three pieces: before the steps, between the steps and the result, after the result. */
export function importProgressPage(page: EditorPageBase & { locale: string }): {
  head: string;
  middle: string;
  tail: string;
} {
  const html = `<!doctype html>${renderToString(<ImportProgressPage {...page} />)}`;
  const steps = html.indexOf(stepsHole);
  const end = html.indexOf(endHole);
  return {
    head: html.slice(0, steps),
    middle: html.slice(steps + stepsHole.length, end),
    tail: html.slice(end + endHole.length),
  };
}

/** One step: its bar and its words ("Checking against the lists: 5,000 of 100,000 rows"). */
export function importStep(tr: Translator, step: ImportProgress): string {
  return renderToString(
    <p class="import-step">
      <progress max={Math.max(step.total, 1)} value={step.done} />{' '}
      {tr.t(stepKeys[step.phase], { done: step.done, total: step.total })}
    </p>,
  );
}
