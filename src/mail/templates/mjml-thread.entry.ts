// Runs inside the MJML thread (mjml-thread.ts): the only place MJML is loaded. It compiles each MJML
// document it is sent and posts back the HTML and the first errors, in the order asked.
import { parentPort } from 'node:worker_threads';
import mjml2html from 'mjml';
import type { MjmlReply, MjmlRequest } from './mjml-thread.js';

const port = parentPort!;

port.on('message', async (m: MjmlRequest) => {
  let reply: MjmlReply;
  try {
    const out = await mjml2html(m.mjml, { validationLevel: 'strict', keepComments: false });
    reply = { id: m.id, html: out.html, errors: out.errors.map((e) => e.message) };
  } catch (error) {
    reply = { id: m.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
