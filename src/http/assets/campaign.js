// Outcry campaign page: keeps the supporter count live via Server-Sent Events. The page works without it.
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
