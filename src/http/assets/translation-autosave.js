// Outcry translation editor: saves the draft while the translator types (two seconds after the last
// keystroke, at least every fifteen while typing on), so a closed tab, a flat battery or a lost connection
// loses seconds of a volunteer's work, not an evening. The server answers in JSON (step-answer.ts): the
// form's next token, or why it did not save (someone else saved meanwhile: the buttons then show both
// versions). Optional: without it "Save draft" does the same. Only drafts are saved this way
// (translation-editor.tsx puts data-autosave on their form only).
(() => {
  const form = document.querySelector('form[data-autosave="on"]');
  const status = document.getElementById('autosave-status');
  if (!form || !status || !('fetch' in window) || !('FormData' in window)) return;
  const quietMs = 2000;
  const atMostMs = 15000;
  let timer;
  let firstChange = 0;
  let inFlight = null;
  let stopped = false;
  let submitting = false;
  let sent = snapshot();
  status.hidden = false;

  function snapshot() {
    const data = new FormData(form);
    data.delete('token');
    return new URLSearchParams(data).toString();
  }

  function say(text) {
    status.textContent = text;
  }

  function time() {
    const lang = document.documentElement.lang || undefined;
    return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }).format(new Date());
  }

  async function save() {
    clearTimeout(timer);
    timer = undefined;
    firstChange = 0;
    if (stopped || submitting || inFlight) return inFlight;
    const body = snapshot();
    if (body === sent) return;
    const data = new URLSearchParams(new FormData(form));
    data.set('intent', 'save');
    // "Matches the changed source" is said with the buttons, never by a save nobody pressed.
    data.delete('markUpdated');
    inFlight = (async () => {
      try {
        const response = await fetch(form.action.split('#')[0], {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-autosave': '1' },
          body: data,
          credentials: 'same-origin',
        });
        const answer = response.headers.get('content-type')?.includes('json') ? await response.json() : {};
        if (answer.state === 'saved') {
          for (const input of document.querySelectorAll('input[name="token"]')) input.value = answer.token;
          sent = body;
          say(status.dataset.saved.replace('{time}', time()));
        } else if (answer.state === 'stale') {
          // Saving again would replace a colleague's work: stop, and let the buttons show both versions.
          stopped = true;
          say(status.dataset.stale);
        } else {
          say(status.dataset.failed);
        }
      } catch {
        say(status.dataset.failed);
      } finally {
        inFlight = null;
        // Typed on while this save was away: that goes with the next one.
        if (!stopped && !submitting && snapshot() !== sent) timer = setTimeout(save, quietMs);
      }
    })();
    return inFlight;
  }

  form.addEventListener('input', () => {
    const now = Date.now();
    firstChange ||= now;
    clearTimeout(timer);
    timer = setTimeout(save, Math.max(0, Math.min(quietMs, firstChange + atMostMs - now)));
  });

  // A button pressed while a save is on its way waits for its new token, then goes as pressed.
  form.addEventListener('submit', (event) => {
    submitting = true;
    clearTimeout(timer);
    if (!inFlight) return;
    event.preventDefault();
    const button = event.submitter;
    inFlight.finally(() => form.requestSubmit(button));
  });

  // Leaving the page (another tab, the phone's home button): save now, if the browser lets it finish.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && timer) save();
  });
})();
