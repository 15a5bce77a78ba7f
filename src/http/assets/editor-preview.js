// Outcry campaign editor: while an editor types Markdown (background, updates), the preview beside the
// field is refreshed with the HTML the server renders and sanitises for the public page. Optional: without
// it the "Preview" button and the preview rendered with the page do the same job.
(() => {
  if (!('fetch' in window) || !('URLSearchParams' in window)) return;
  for (const field of document.querySelectorAll('textarea[data-preview][data-preview-target]')) {
    const target = document.getElementById(field.getAttribute('data-preview-target'));
    const token = field.form?.querySelector('input[name="_csrf"]');
    if (!target || !token) continue;
    let timer;
    let controller;
    let last = field.value;
    const refresh = async () => {
      if (field.value === last) return;
      last = field.value;
      controller?.abort();
      controller = new AbortController();
      target.setAttribute('aria-busy', 'true');
      try {
        const response = await fetch(field.getAttribute('data-preview'), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: token.value, markdown: field.value }),
          credentials: 'same-origin',
          signal: controller.signal,
        });
        // Sanitised on the server by the same allow-list as the public page.
        if (response.ok) target.innerHTML = await response.text();
      } catch {
        // Offline or aborted by a newer keystroke: the preview keeps its last state.
      } finally {
        target.removeAttribute('aria-busy');
      }
    };
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
  }
})();
