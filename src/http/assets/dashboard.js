// Outcry editor dashboard: refreshes its figures every 10 seconds while the tab is visible, from the JSON
// the page names in data-dashboard (texts already formatted in the reader's language). Optional: without
// it the page is complete, only not refreshed. Stops for good when the session has ended.
(() => {
  const root = document.querySelector('[data-dashboard]');
  if (!root || !('fetch' in window)) return;
  const url = root.getAttribute('data-dashboard');
  const shape = root.getAttribute('data-shape');
  const stale = root.querySelector('[data-dashboard-stale]');
  const everyMs = 10_000;
  let timer;
  let stopped = false;

  function apply(data) {
    const figures = data.figures || {};
    for (const el of root.querySelectorAll('[data-figure]')) {
      const text = figures[el.getAttribute('data-figure')];
      if (typeof text === 'string' && el.textContent !== text) el.textContent = text;
    }
    const bars = data.bars || {};
    for (const el of root.querySelectorAll('[data-bar]')) {
      const bar = bars[el.getAttribute('data-bar')];
      if (bar && typeof bar.y === 'number' && typeof bar.height === 'number') {
        el.setAttribute('y', String(bar.y));
        el.setAttribute('height', String(bar.height));
      }
    }
    // Something appeared or went (a new language, a bounce): offer a reload rather than rebuild the page.
    if (stale && data.shape !== shape) stale.hidden = false;
  }

  function schedule() {
    clearTimeout(timer);
    if (!stopped && !document.hidden) timer = setTimeout(refresh, everyMs);
  }

  async function refresh() {
    try {
      const res = await fetch(url, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'manual',
      });
      // Sent to the login page, or no longer allowed: the session is over, stop asking.
      if (res.type === 'opaqueredirect' || res.status === 401 || res.status === 403) {
        stopped = true;
        return;
      }
      if (res.ok) apply(await res.json());
    } catch {
      // Offline for a moment: the next round tries again.
    } finally {
      schedule();
    }
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) clearTimeout(timer);
    else if (!stopped) refresh();
  });
  schedule();
})();
