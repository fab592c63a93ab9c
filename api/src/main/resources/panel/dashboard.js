// The dashboard: server health, configuration counts, live registrations and calls and, when the
// CDR route exists, calls today and per hour over the last 24 hours. Kept current by the event
// stream (events.js): each event re-reads only the figure it changes. While the stream is down the
// page falls back to re-reading everything every 30 s until the stream is back.
import { api, ApiError } from './api.js';
import { h } from './dom.js';
import { callsPerHour } from './chart.js';
import { CDR_SETTLE_MILLIS, liveEvents } from './events.js';

export const title = 'Dashboard';

const FALLBACK_MILLIS = 30000;
// Health has no event (a database outage publishes nothing), so it alone is re-read on a timer.
const HEALTH_POLL_MILLIS = 15000;
// Events often come in bursts (a phone registering several contacts, a call starting and being
// answered); one re-read per burst is enough.
const COALESCE_MILLIS = 150;
// Uptime is counted on from the last health answer rather than asked for again.
const UPTIME_TICK_MILLIS = 10000;

export function render(main, { offers, whenRoutesKnown }) {
  const status = h('dd', { id: 'health-status' }, '…');
  const uptime = h('dd', { id: 'health-uptime' }, '…');
  const database = h('dd', { id: 'health-database' }, '…');
  const version = h('dd', { id: 'health-version' }, '…');
  const checked = h('p', { class: 'hint', id: 'health-checked' });
  const live = h('p', { class: 'hint', id: 'live-status', role: 'status' }, 'Connecting for live updates…');
  const extensions = h('dd', { id: 'extension-count' }, '…');
  // Live bindings (/api/registrations) rise and fall with phones; "seen registering" only grows.
  const registrationsLabel = h('dt', { hidden: true }, 'Registered now');
  const registrations = h('dd', { id: 'registration-count', hidden: true }, '…');
  const phonesLabel = h('dt', { hidden: true }, 'Phones seen registering');
  const phones = h('dd', { id: 'phone-count', hidden: true }, '…');
  const activeLabel = h('dt', { hidden: true }, 'Calls in progress');
  const active = h('dd', { id: 'active-call-count', hidden: true }, '…');
  const problem = h('p', { class: 'alert', role: 'alert', hidden: true });
  const calls = h('section', { class: 'card wide', 'aria-labelledby': 'calls-title', id: 'calls-card', hidden: true });
  main.append(
    h('h1', {}, 'Dashboard'),
    live,
    problem,
    h('div', { class: 'cards' },
      h('section', { class: 'card', 'aria-labelledby': 'health-title' },
        h('h2', { id: 'health-title' }, 'System health'),
        h('dl', {}, h('dt', {}, 'Status'), status, h('dt', {}, 'Database'), database, h('dt', {}, 'Version'), version,
          h('dt', {}, 'Uptime'), uptime),
        checked),
      h('section', { class: 'card', 'aria-labelledby': 'config-title' },
        h('h2', { id: 'config-title' }, 'Phones and calls'),
        h('dl', {}, h('dt', {}, 'Extensions'), extensions, registrationsLabel, registrations,
          phonesLabel, phones, activeLabel, active),
        h('p', {}, h('a', { href: '#/extensions' }, 'Manage extensions')))),
    calls);

  /** Each figure of the page and how to re-read it. */
  const parts = {
    health: refreshHealth,
    extensions: () => count('/api/extensions', extensions),
    registrations: () => optionalCount('/api/registrations', registrationsLabel, registrations),
    phones: () => optionalCount('/api/registered-phones', phonesLabel, phones),
    active: () => optionalCount('/api/calls', activeLabel, active),
    history: refreshHistory,
  };
  /** Which figures an event changes. */
  function partsFor(event) {
    switch (event.type) {
      case 'registration_changed': return ['registrations', 'phones'];
      case 'config_changed': return event.entity === 'extension' ? ['extensions'] : [];
      case 'call_started':
      case 'call_answered': return ['active'];
      case 'call_ended': return ['active'];
      default: return [];
    }
  }

  let stopped = false;
  let stopStream = () => {};
  let fallback = null;
  let pending = new Set();
  let pendingTimer = null;
  let historyTimer = null;
  let uptimeSeconds = null;
  let uptimeRead = 0;
  const healthPoll = setInterval(() => refresh(['health']), HEALTH_POLL_MILLIS);
  const uptimeTicker = setInterval(() => {
    if (uptimeSeconds !== null) {
      uptime.textContent = duration(uptimeSeconds + Math.floor((Date.now() - uptimeRead) / 1000));
    }
  }, UPTIME_TICK_MILLIS);

  function refresh(names) {
    for (const name of names) {
      pending.add(name);
    }
    if (pendingTimer === null && pending.size > 0) {
      pendingTimer = setTimeout(async () => {
        const due = pending;
        pending = new Set();
        pendingTimer = null;
        await Promise.all([...due].map((name) => parts[name]()));
        if (!stopped) {
          checked.textContent = `Last checked ${new Date().toLocaleTimeString()}`;
        }
      }, COALESCE_MILLIS);
    }
  }

  const everything = () => refresh(Object.keys(parts));

  async function refreshHealth() {
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
  }

  async function count(path, target) {
    try {
      target.textContent = String((await api('GET', path)).length);
    } catch (error) {
      target.textContent = `unknown (${error.message})`;
    }
  }

  // Routes this server may not have: their figure appears only when it does.
  async function optionalCount(path, label, target) {
    if (!offers(path)) {
      return;
    }
    await count(path, target);
    label.hidden = false;
    target.hidden = false;
  }

  async function refreshHistory() {
    if (!offers('/api/cdr')) {
      return;
    }
    // "Today" is the admin's local day; the chart covers the 24 clock hours up to this one.
    const now = new Date();
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    const firstHour = new Date(now);
    firstHour.setMinutes(0, 0, 0);
    firstHour.setHours(firstHour.getHours() - 23);
    const since = firstHour < midnight ? firstHour : midnight;
    let content;
    try {
      const started = await callStartsSince(since.toISOString());
      content = [
        h('dl', {}, h('dt', {}, 'Calls today'),
          h('dd', { id: 'calls-today' }, String(started.filter((s) => s >= midnight).length))),
        callsPerHour(started, firstHour),
      ];
    } catch (error) {
      content = [h('p', { class: 'alert', role: 'alert' }, `Could not load the call history: ${error.message}`)];
    }
    if (!stopped) {
      calls.replaceChildren(h('h2', { id: 'calls-title' }, 'Calls'), ...content);
      calls.hidden = false;
    }
  }

  function showHealth(health) {
    // A degraded node says why (a full disk, a database outage) beside the status.
    status.textContent = health.reason ? `${health.status}: ${health.reason}` : health.status;
    status.className = health.status === 'ok' ? 'ok' : 'bad';
    database.textContent = health.database;
    version.textContent = health.version;
    uptime.textContent = duration(health.uptime_seconds);
    uptimeSeconds = health.uptime_seconds;
    uptimeRead = Date.now();
  }

  function startFallback() {
    if (fallback === null) {
      fallback = setInterval(everything, FALLBACK_MILLIS);
    }
  }

  function stopFallback() {
    clearInterval(fallback);
    fallback = null;
  }

  refresh(['health', 'extensions']);
  whenRoutesKnown.then(() => {
    if (stopped) {
      return;
    }
    stopStream = liveEvents({
      // (Re)connected: everything is re-read once, since events may have been missed meanwhile.
      onLive() {
        stopFallback();
        live.textContent = 'Live: figures update as phones register and calls come and go.';
        everything();
      },
      onDropped(message) {
        live.textContent = `Live updates interrupted (${message}); re-reading every ${FALLBACK_MILLIS / 1000} s until they are back.`;
        if (fallback === null) {
          everything(); // what changed while the stream was down (or all of it, if it never came up)
          startFallback();
        }
      },
      onEvent(event) {
        refresh(partsFor(event));
        if (event.type === 'call_ended') {
          clearTimeout(historyTimer);
          historyTimer = setTimeout(() => refresh(['history']), CDR_SETTLE_MILLIS);
        }
      },
    });
  });
  return () => {
    stopped = true;
    stopStream();
    stopFallback();
    clearTimeout(pendingTimer);
    clearTimeout(historyTimer);
    clearInterval(uptimeTicker);
    clearInterval(healthPoll);
  };
}

/** Start times of every CDR since {@code from}, read page by page (the API's largest page is 500). */
async function callStartsSince(from) {
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
