// A box on an editor page holding one action's form: a heading, what the action does, its fields and its
// one button. The lifecycle actions of a campaign and the decisions on a union's request are made of it.
import type { ComponentChildren } from 'preact';
import { Csrf } from '../form-fields.js';

/** One action's box: a heading, what it does, its fields and its button, posting to `action`. */
export function ActionPanel(props: {
  csrf: string;
  action: string;
  title?: string | undefined;
  help?: string | undefined;
  button: string;
  kind?: 'secondary' | 'danger';
  before?: ComponentChildren;
  children?: ComponentChildren;
}) {
  return (
    <section class="editor-panel">
      {props.title && <h2>{props.title}</h2>}
      {props.help && <p class="help">{props.help}</p>}
      {props.before}
      <form method="post" action={props.action} class="editor-form" novalidate>
        <Csrf token={props.csrf} />
        {props.children}
        <button class={`button${props.kind ? ` button--${props.kind}` : ''}`} type="submit">
          {props.button}
        </button>
      </form>
    </section>
  );
}
