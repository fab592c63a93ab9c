// The calls page: calls in progress with a hang-up button (when this server has /api/calls), kept
// current by the event stream, a click-to-dial form (POST /api/calls), and the call history (CDR)
// with filters, pages and a CSV download.
import { api, download } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';
import { CDR_SETTLE_MILLIS, liveEvents } from './events.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/cdr';

export const title = 'Calls';

const PAGE_SIZE = 25;
const DISPOSITIONS = ['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CANCELLED'];

export function render(main, { offers, whenRoutesKnown }) {
  const activeSection = h('section', { class: 'card', id: 'active-calls-card', 'aria-labelledby': 'active-title', hidden: true });
  const activeStatus = h('p', { class: 'hint', role: 'status', id: 'active-status' });
  // What the admin's last hang-up did; kept apart from the count, which events rewrite.
  const activeNotice = h('p', { class: 'hint', role: 'status', id: 'active-notice' });
  const activeAlert = alertBox();
  const activeBody = h('tbody');
  const confirm = confirmDialog('Hang up call?', 'Hang up');
  activeSection.append(
    h('h2', { id: 'active-title' }, 'Calls in progress'),
    activeAlert,
    activeStatus,
    activeNotice,
    h('div', { class: 'table-wrap' }, h('table', { id: 'active-calls' },
      h('caption', { class: 'visually-hidden' }, 'Calls in progress'),
      h('thead', {}, h('tr', {}, ['Caller', 'Callee', 'State', 'Started', 'Codec', 'Legs', 'Actions']
        .map((label) => h('th', { scope: 'col' }, label)))),
      activeBody)));

  // Click-to-dial: its inputs carry the API's field names, with ids of their own (the history filters use from/to too).
  const dialInputs = {
    from: h('input', { name: 'from', id: 'dial-from', inputmode: 'numeric', autocomplete: 'off', required: true }),
    to: h('input', { name: 'to', id: 'dial-to', autocomplete: 'off', required: true }),
    auto_answer: h('input', { name: 'auto_answer', id: 'dial-auto-answer', type: 'checkbox' }),
  };
  const dialStatus = h('p', { class: 'hint', role: 'status', id: 'dial-status' });
  const dialForm = h('form', { id: 'dial-form', novalidate: true, 'aria-labelledby': 'dial-title' },
    h('h3', { id: 'dial-title' }, 'Place a call'),
    h('p', { class: 'hint' }, 'Rings the extension first; when it answers, the number is called for it.'),
    alertBox(),
    h('div', { class: 'grid' },
      dialField('Extension', dialInputs.from),
      dialField('Number to call', dialInputs.to),
      dialField('Ask the phone to answer by itself', dialInputs.auto_answer)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'dial-call' }, 'Call…')),
    dialStatus);
  activeSection.append(dialForm);
  dialForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(dialForm);
    const from = dialInputs.from.value.trim();
    const to = dialInputs.to.value.trim();
    try {
      await api('POST', '/api/calls', { from, to, auto_answer: dialInputs.auto_answer.checked });
      dialStatus.textContent = `Ringing ${from}; when it answers, ${to} is called.`;
    } catch (error) {
      dialStatus.textContent = '';
      showError(dialForm, error);
    }
  });

  const inputs = {
    extension: h('input', { name: 'extension', inputmode: 'numeric', autocomplete: 'off' }),
    from: h('input', { name: 'from', type: 'date' }),
    to: h('input', { name: 'to', type: 'date' }),
    disposition: h('select', { name: 'disposition' },
      h('option', { value: '' }, 'Any'), DISPOSITIONS.map((d) => h('option', { value: d }, d))),
  };
  const csvButton = h('button', { type: 'button', class: 'secondary', id: 'cdr-csv' }, 'Download CSV');
  const filters = h('form', { class: 'card', novalidate: true, id: 'cdr-filters', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Call history'),
    alertBox(),
    h('div', { class: 'grid' },
      field('Extension', inputs.extension, 'Calls from or to this number.'),
      field('From (date)', inputs.from),
      field('To (date, included)', inputs.to),
      field('Disposition', inputs.disposition)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Show calls'), csvButton));
  const historyStatus = h('p', { class: 'hint', role: 'status', id: 'cdr-status' });
  const historyBody = h('tbody');
  const previous = h('button', { type: 'button', class: 'secondary', id: 'cdr-previous' }, 'Previous page');
  const next = h('button', { type: 'button', class: 'secondary', id: 'cdr-next' }, 'Next page');

  main.append(
    h('h1', {}, 'Calls'),
    activeSection,
    filters,
    historyStatus,
    h('div', { class: 'table-wrap' }, h('table', { id: 'cdr' },
      h('caption', { class: 'visually-hidden' }, 'Call history'),
      h('thead', {}, h('tr', {}, ['Started', 'Caller', 'Callee', 'Disposition', 'Duration', 'Billable', 'Hang-up cause']
        .map((label) => h('th', { scope: 'col' }, label)))),
      historyBody)),
    h('div', { class: 'buttons pager' }, previous, next),
    confirm.dialog);

  let stopped = false;
  let stopStream = () => {};
  let historyTimer = null;
  let query = '';
  let offset = 0;
  let total = 0;

  // The filters as the API takes them; dates are the admin's local days, sent as instants.
  function filterQuery() {
    const params = new URLSearchParams();
    if (inputs.extension.value.trim()) {
      params.set('extension', inputs.extension.value.trim());
    }
    if (inputs.from.value) {
      params.set('from', localMidnight(inputs.from.value, 0).toISOString());
    }
    if (inputs.to.value) {
      params.set('to', localMidnight(inputs.to.value, 1).toISOString());
    }
    if (inputs.disposition.value) {
      params.set('disposition', inputs.disposition.value);
    }
    return params;
  }

  async function loadHistory() {
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(offset));
    try {
      const page = await api('GET', `/api/cdr?${params}`);
      total = page.total;
      historyBody.replaceChildren(...page.items.map(cdrRow));
      historyStatus.textContent = page.items.length === 0
        ? 'No calls match.'
        : `Calls ${offset + 1}–${offset + page.items.length} of ${total}`;
      previous.disabled = offset === 0;
      next.disabled = offset + page.items.length >= total;
    } catch (error) {
      showError(filters, error);
    }
  }

  function cdrRow(c) {
    return h('tr', { 'data-call-id': c.call_id },
      h('td', { 'data-label': 'Started' }, new Date(c.started_at).toLocaleString()),
      h('td', { 'data-label': 'Caller' }, c.caller),
      h('td', { 'data-label': 'Callee' }, c.callee),
      h('td', { 'data-label': 'Disposition', class: 'disposition' }, c.disposition),
      h('td', { 'data-label': 'Duration' }, `${c.duration_seconds} s`),
      h('td', { 'data-label': 'Billable' }, `${c.billable_seconds} s`),
      h('td', { 'data-label': 'Hang-up cause' }, c.hangup_cause));
  }

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(filters);
    query = filterQuery().toString();
    offset = 0;
    loadHistory();
  });
  previous.addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    loadHistory();
  });
  next.addEventListener('click', () => {
    offset += PAGE_SIZE;
    loadHistory();
  });
  csvButton.addEventListener('click', async () => {
    clearErrors(filters);
    // The download takes the filters as they are in the form now, not only as last applied.
    const params = filterQuery().toString();
    try {
      await download(`/api/cdr.csv${params ? `?${params}` : ''}`, 'calls.csv');
      historyStatus.textContent = 'The CSV file has been downloaded.';
    } catch (error) {
      showError(filters, error);
    }
  });

  async function loadActive() {
    try {
      const calls = await api('GET', '/api/calls');
      if (stopped) {
        return;
      }
      activeAlert.hidden = true;
      activeBody.replaceChildren(...calls.map(activeRow));
      activeStatus.textContent = calls.length === 1 ? '1 call in progress' : `${calls.length} calls in progress`;
    } catch (error) {
      activeAlert.textContent = `Could not load the calls in progress: ${error.message}`;
      activeAlert.hidden = false;
    }
  }

  function activeRow(c) {
    const legs = c.legs.map((l) => `${l.role} ${l.party} at ${l.signaling_address}`
      + (l.media ? ` (RTP ${l.media.packets_received} in, ${l.media.packets_sent} out${l.media.latched ? ', latched' : ''})` : ''));
    return h('tr', { 'data-call-id': c.id },
      h('td', { 'data-label': 'Caller' }, c.caller),
      h('td', { 'data-label': 'Callee' }, c.callee),
      h('td', { 'data-label': 'State' }, c.state),
      h('td', { 'data-label': 'Started' }, new Date(c.started_at).toLocaleTimeString()),
      h('td', { 'data-label': 'Codec' }, c.codec ?? '—'),
      h('td', { 'data-label': 'Legs' }, legs.join('; ')),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', 'aria-label': `Hang up call from ${c.caller} to ${c.callee}`,
          onclick: () => confirm.ask(`The call from ${c.caller} to ${c.callee} will be ended for both parties.`, () => hangUp(c)) },
        'Hang up')));
  }

  async function hangUp(c) {
    try {
      await api('DELETE', `/api/calls/${encodeURIComponent(c.id)}`);
      activeNotice.textContent = `The call from ${c.caller} to ${c.callee} was hung up.`;
    } catch (error) {
      activeAlert.textContent = `Could not hang up the call from ${c.caller} to ${c.callee}: ${error.message}`;
      activeAlert.hidden = false;
    }
    await loadActive();
  }

  loadHistory();
  whenRoutesKnown.then(() => {
    if (stopped || !offers('/api/calls')) {
      return;
    }
    activeSection.hidden = false;
    stopStream = liveEvents({
      onLive: loadActive,
      onDropped(message) {
        activeStatus.textContent = `Live updates interrupted (${message}); reconnecting.`;
      },
      onEvent(event) {
        if (event.type.startsWith('call_')) {
          loadActive();
          if (event.type === 'call_ended') {
            clearTimeout(historyTimer);
            historyTimer = setTimeout(loadHistory, CDR_SETTLE_MILLIS);
          }
        }
      },
    });
  });
  return () => {
    stopped = true;
    stopStream();
    clearTimeout(historyTimer);
  };
}

/** A labelled input of the click-to-dial form, with the error paragraph showError fills (`<id>-error`). */
function dialField(label, input) {
  const error = h('p', { class: 'field-error', id: `${input.id}-error`, 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', error.id);
  const labelEl = h('label', { for: input.id }, label);
  return input.type === 'checkbox'
    ? h('div', { class: 'field check' }, input, labelEl, error)
    : h('div', { class: 'field' }, labelEl, input, error);
}

/** The instant the admin's local day {@code date} (yyyy-mm-dd) plus {@code days} begins. */
function localMidnight(date, days) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day + days);
}
