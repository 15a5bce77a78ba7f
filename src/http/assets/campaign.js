// Outcry campaign page: keeps the supporter count live via Server-Sent Events, and offers the browser's
// share sheet and a copy of the link (each carrying ?src=share) where it has them. The page works without it.
(() => {
  const share = document.querySelector('[data-share-url]');
  if (!share) return;
  const url = share.getAttribute('data-share-url');
  const title = share.getAttribute('data-share-title') || document.title;
  const native = share.querySelector('[data-share="native"]');
  const copy = share.querySelector('[data-share="copy"]');
  if (native && typeof navigator.share === 'function') {
    share.hidden = false;
    native.hidden = false;
    native.addEventListener('click', () => {
      navigator.share({ title, url }).catch(() => {
        // Dismissed or refused: nothing to undo.
      });
    });
  }
  if (copy && navigator.clipboard && window.isSecureContext) {
    share.hidden = false;
    copy.hidden = false;
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(url).then(
        () => {
          copy.textContent = copy.getAttribute('data-copied');
        },
        () => {
          // Not allowed here: the address bar still has the link.
        },
      );
    });
  }
})();

(() => {
  const counter = document.querySelector('[data-events]');
  if (!counter || !('EventSource' in window)) return;
  const total = counter.querySelector('.counter__total');
  const goal = counter.querySelector('.counter__goal');
  const bar = counter.querySelector('progress');
  const source = new EventSource(counter.getAttribute('data-events'));
  source.onmessage = (event) => {
    try {
      const data = JSON.parse(event.data);
      if (total && typeof data.text === 'string') total.textContent = data.text;
      if (goal && typeof data.goalText === 'string') goal.textContent = data.goalText;
      if (bar && typeof data.total === 'number') bar.value = Math.min(data.total, bar.max);
      counter.setAttribute('data-total', String(data.total));
    } catch {
      // A malformed event changes nothing on the page.
    }
  };
})();
