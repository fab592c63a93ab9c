// The dashboard: server health, configuration counts and, when the CDR route exists, today's
// calls per hour; refreshed while the page is open. The routes are polled because the server has
// no event stream yet (see docs/admin-panel.md).
import { api, ApiError } from './api.js';
import { h } from './dom.js';
import { callsPerHour } from './chart.js';

export const title = 'Dashboard';

const REFRESH_MILLIS = 5000;

export function render(main, { offers }) {
  const status = h('dd', { id: 'health-status' }, '…');
  const uptime = h('dd', { id: 'health-uptime' }, '…');
  const database = h('dd', { id: 'health-database' }, '…');
  const version = h('dd', { id: 'health-version' }, '…');
  const checked = h('p', { class: 'hint', id: 'health-checked', 'aria-live': 'polite' });
  const extensions = h('dd', { id: 'extension-count' }, '…');
  // Live bindings (/api/registrations) rise and fall with phones; "seen registering" only grows.
  const registrationsLabel = h('dt', { hidden: true }, 'Registered now');
  const registrations = h('dd', { id: 'registration-count', hidden: true }, '…');
  const phonesLabel = h('dt', { hidden: true }, 'Phones seen registering');
  const phones = h('dd', { id: 'phone-count', hidden: true }, '…');
  const problem = h('p', { class: 'alert', role: 'alert', hidden: true });
  const calls = h('section', { class: 'card wide', 'aria-labelledby': 'calls-title', id: 'calls-card', hidden: true });
  main.append(
    h('h1', {}, 'Dashboard'),
    problem,
    h('div', { class: 'cards' },
      h('section', { class: 'card', 'aria-labelledby': 'health-title' },
        h('h2', { id: 'health-title' }, 'System health'),
        h('dl', {}, h('dt', {}, 'Status'), status, h('dt', {}, 'Database'), database, h('dt', {}, 'Version'), version,
          h('dt', {}, 'Uptime'), uptime),
        checked),
      h('section', { class: 'card', 'aria-labelledby': 'config-title' },
        h('h2', { id: 'config-title' }, 'Configuration'),
        h('dl', {}, h('dt', {}, 'Extensions'), extensions, registrationsLabel, registrations,
          phonesLabel, phones),
        h('p', {}, h('a', { href: '#/extensions' }, 'Manage extensions')))),
    calls);

  async function refresh() {
    try {
      showHealth(await api('GET', '/api/health'));
      problem.hidden = true;
    } catch (error) {
      // 503 still carries a health body saying which part is down.
      if (error instanceof ApiError && error.status === 503 && error.body && error.body.status) {
        showHealth(error.body);
      } else {
        problem.textContent = `Health check failed: ${error.message}`;
        problem.hidden = false;
      }
    }
    try {
      extensions.textContent = String((await api('GET', '/api/extensions')).length);
    } catch (error) {
      extensions.textContent = `unknown (${error.message})`;
    }
    if (offers('/api/registrations')) {
      try {
        registrations.textContent = String((await api('GET', '/api/registrations')).length);
      } catch (error) {
        registrations.textContent = `unknown (${error.message})`;
      }
      registrationsLabel.hidden = false;
      registrations.hidden = false;
    }
    // The registered-phones route may not be on this server; the count appears only when it is.
    if (offers('/api/registered-phones')) {
      try {
        phones.textContent = String((await api('GET', '/api/registered-phones')).length);
      } catch (error) {
        phones.textContent = `unknown (${error.message})`;
      }
      phonesLabel.hidden = false;
      phones.hidden = false;
    }
    if (offers('/api/cdr')) {
      await showCalls();
    }
    checked.textContent = `Last checked ${new Date().toLocaleTimeString()}`;
  }

  async function showCalls() {
    // "Today" is the admin's local day; the API takes the instant its midnight falls on.
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    let content;
    try {
      const started = await todaysCallStarts(midnight.toISOString());
      content = [
        h('dl', {}, h('dt', {}, 'Calls today'), h('dd', { id: 'calls-today' }, String(started.length))),
        callsPerHour(started, midnight),
      ];
    } catch (error) {
      content = [h('p', { class: 'alert', role: 'alert' }, `Could not load today's calls: ${error.message}`)];
    }
    calls.replaceChildren(h('h2', { id: 'calls-title' }, 'Calls'), ...content);
    calls.hidden = false;
  }

  function showHealth(health) {
    status.textContent = health.status;
    status.className = health.status === 'ok' ? 'ok' : 'bad';
    database.textContent = health.database;
    version.textContent = health.version;
    uptime.textContent = duration(health.uptime_seconds);
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MILLIS);
  return () => clearInterval(timer);
}

/** Start times of every CDR since {@code from}, read page by page (the API's largest page is 500). */
async function todaysCallStarts(from) {
  const starts = [];
  for (;;) {
    const page = await api('GET', `/api/cdr?from=${encodeURIComponent(from)}&limit=500&offset=${starts.length}`);
    starts.push(...page.items.map((c) => new Date(c.started_at)));
    if (page.items.length === 0 || starts.length >= page.total) {
      return starts;
    }
  }
}

/** "2 d 3 h", "3 h 12 min", "4 min 5 s": the two largest units are enough to read at a glance. */
function duration(totalSeconds) {
  const units = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  const found = units.findIndex(([, size]) => totalSeconds >= size);
  const first = found === -1 ? units.length - 1 : found;
  const [bigName, bigSize] = units[first];
  const parts = [`${Math.floor(totalSeconds / bigSize)} ${bigName}`];
  if (first + 1 < units.length) {
    const [smallName, smallSize] = units[first + 1];
    parts.push(`${Math.floor((totalSeconds % bigSize) / smallSize)} ${smallName}`);
  }
  return parts.join(' ');
}
