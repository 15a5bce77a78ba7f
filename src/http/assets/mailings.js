// Outcry mailings: two optional refreshes. In the composer, the segment's size is counted again as its
// choices change (the "Count" button does the same without JavaScript). On the report, the progress bar
// and its figures refresh every 5 seconds while the mailing is scheduled, sending or paused (the page is
// complete without it, and a link reloads it).
(() => {
  if (!('fetch' in window)) return;

  const segment = document.querySelector('[data-segment]');
  const size = segment?.querySelector('[data-segment-size]');
  if (segment && size) {
    const url = segment.getAttribute('data-segment');
    let timer;
    let asked = 0;
    const count = async () => {
      const form = segment.closest('form');
      if (!form) return;
      const query = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (segment.querySelector(`[name="${name}"]`) && typeof value === 'string') query.append(name, value);
      }
      const mine = ++asked;
      try {
        const res = await fetch(`${url}?${query}`, { headers: { accept: 'application/json' } });
        if (!res.ok || mine !== asked) return;
        const data = await res.json();
        if (typeof data.text === 'string') size.textContent = data.text;
      } catch {
        // Offline or signed out: the Count button still works.
      }
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(count, 300);
    };
    segment.addEventListener('change', later);
    segment.addEventListener('input', later);
    if (size.textContent === '') count();
  }

  const progress = document.querySelector('[data-progress]');
  if (progress) {
    const url = progress.getAttribute('data-progress');
    const bar = progress.querySelector('[data-progress-bar]');
    const text = progress.querySelector('[data-progress-text]');
    const status = progress.querySelector('[data-progress-status]');
    const refresh = async () => {
      if (document.hidden) return setTimeout(refresh, 5_000);
      try {
        const res = await fetch(url, { headers: { accept: 'application/json' } });
        if (!res.ok) return;
        const data = await res.json();
        if (bar) {
          bar.max = Math.max(data.total, 1);
          bar.value = data.done;
        }
        if (text) text.textContent = data.text;
        if (status) status.textContent = data.statusText;
        if (data.live) setTimeout(refresh, 5_000);
      } catch {
        setTimeout(refresh, 15_000);
      }
    };
    setTimeout(refresh, 5_000);
  }
})();
