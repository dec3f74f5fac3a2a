// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '../lib/nhsuk/nhsuk-frontend.min.js';

initAll();

// The header's "Waiting on you" link gains its count once the page has loaded.
const waiting = document.querySelector('[data-waiting-count]');
if (waiting) {
  fetch(waiting.dataset.waitingCount, { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((body) => {
      if (body && Number.isInteger(body.count)) {
        waiting.textContent = `Waiting on you: ${body.count}`;
      }
    })
    .catch(() => {});
}
