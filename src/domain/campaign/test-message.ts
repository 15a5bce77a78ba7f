// "Send a test message to me": what one target of the campaign would receive from a supporter who signs
// with the default message (the editor stands in for the supporter), composed by the same code as real
// delivery (letterTexts picks the language, the mail template writes subject and body, From and Reply-To
// follow the dispatcher's rule), then put in the outbox addressed to the editor, never to the target, with
// the subject marked as a test. Before anything is published the draft texts are used, and the page says so.
import { campaignSender, letterTexts } from '../delivery/delivery.js';
import type { LetterData } from '../delivery/delivery.ports.js';
import type { CampaignTexts, CampaignWithContent } from './campaign.js';
import type { ActorRef, EditorTarget, TargetStore } from './campaign-roster.ports.js';

export interface Address {
  name: string;
  address: string;
}

export interface ComposedTestMail {
  from: Address;
  to: Address[];
  replyTo: Address;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** The mail side, implemented with mail/templates (delivery's own letter template) and the outbox's job kind. */
export interface TestMailer {
  /** The letter in the language of `texts`, with its From display name ("Ana via Outcry"). */
  letter(
    texts: CampaignTexts,
    /** messageLocale null: the default message unchanged, as the editor standing in for a supporter sends it. */
    signature: LetterData,
  ): { locale: string; fromName: string; subject: string; text: string };
  /** The subject marked as a test, in the editor's language. */
  testSubject(editorLocale: string, subject: string): string;
  job(mail: ComposedTestMail): { kind: string; payload: unknown };
}

export interface TestMessageDeps {
  targets: TargetStore;
  mailer: TestMailer;
  /** MAIL_FROM: letters go out from a per-campaign address on its domain. */
  mailFrom: string;
  clock: { now(): number };
}

export interface Editor extends ActorRef {
  name: string;
  locale: string;
}

export interface TestMessage {
  target: EditorTarget;
  /** What the target would get. */
  from: Address;
  replyTo: Address;
  subject: string;
  text: string;
  locale: string;
  /** The campaign has no published text yet: the draft texts were used. */
  draft: boolean;
}

export type TestMessageResult =
  | { status: 'ok'; message: TestMessage; targets: EditorTarget[] }
  | { status: 'not_found' }
  | { status: 'no_targets' }
  | { status: 'no_texts' };

function textsFor(
  campaign: CampaignWithContent,
  target: EditorTarget,
): { texts: CampaignTexts; draft: boolean } | undefined {
  // The supporter writes the default message in the language their letter would be in for this target.
  const published = letterTexts(campaign, target.locale, campaign.sourceLocale);
  if (published) return { texts: published, draft: false };
  const asIfPublished = {
    sourceLocale: campaign.sourceLocale,
    translations: campaign.translations.map((t) => ({ ...t, status: 'published' as const })),
  };
  const draft = letterTexts(asIfPublished, target.locale, campaign.sourceLocale);
  return draft ? { texts: draft, draft: true } : undefined;
}

/** The message a target would receive (the first target when none is chosen), without sending anything. */
export async function previewTestMessage(
  deps: TestMessageDeps,
  editor: Editor,
  input: { slug: string; targetId?: number | undefined },
): Promise<TestMessageResult> {
  const campaign = await deps.targets.content(input.slug);
  if (!campaign) return { status: 'not_found' };
  const targets = await deps.targets.targets(campaign.id);
  if (targets.length === 0) return { status: 'no_targets' };
  const target = input.targetId === undefined ? targets[0] : targets.find((t) => t.id === input.targetId);
  if (!target) return { status: 'not_found' };
  const chosen = textsFor(campaign, target);
  if (!chosen) return { status: 'no_texts' };
  const supporter = editor.name.trim() || editor.email;
  const letter = deps.mailer.letter(chosen.texts, {
    name: supporter,
    unionName: null,
    country: null,
    message: chosen.texts.defaultMessage,
    locale: chosen.texts.locale,
    messageLocale: null,
  });
  return {
    status: 'ok',
    targets,
    message: {
      target,
      from: {
        name: letter.fromName,
        address: campaignSender(deps.mailFrom, campaign.slug),
      },
      replyTo: { name: supporter, address: editor.email },
      subject: letter.subject,
      text: letter.text,
      locale: letter.locale,
      draft: chosen.draft,
    },
  };
}

/** Composes the same message and puts it in the outbox for the editor's own address, audited. */
export async function sendTestMessage(
  deps: TestMessageDeps,
  editor: Editor,
  input: { slug: string; targetId: number },
): Promise<TestMessageResult> {
  const result = await previewTestMessage(deps, editor, input);
  if (result.status !== 'ok') return result;
  const { message } = result;
  const supporter = editor.name.trim() || editor.email;
  const mail: ComposedTestMail = {
    from: message.from,
    to: [{ name: supporter, address: editor.email }],
    replyTo: message.replyTo,
    subject: deps.mailer.testSubject(editor.locale, message.subject),
    text: message.text,
    headers: { 'Content-Language': message.locale },
  };
  await deps.targets.queueMail(
    deps.mailer.job(mail),
    {
      actor: { id: editor.id, email: editor.email },
      action: 'target.test_message_sent',
      entityType: 'target',
      entityId: message.target.id,
      after: { to: editor.email, subject: mail.subject, locale: message.locale },
    },
    deps.clock.now(),
  );
  return result;
}
