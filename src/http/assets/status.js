// Keeps a supporter's delivery-status page current: asks every 20 s whether more messages arrived and
// reloads the page when they did. The page is complete without this script.
(() => {
  const section = document.querySelector('.status[data-delivered]');
  if (!section || !window.fetch) return;
  const shown = section.getAttribute('data-delivered');
  const poll = () => {
    fetch(location.pathname, { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => {
        if (!data) return;
        if (String(data.delivered) !== shown) location.reload();
        else if (data.settling) setTimeout(poll, 20000);
      })
      .catch(() => setTimeout(poll, 60000));
  };
  setTimeout(poll, 20000);
})();
