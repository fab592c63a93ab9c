// The fraud control page (docs/fraud-control.md): the settings every extension without its own
// gets (outbound class, number prefixes, daily budgets, the international cap, the after-hours
// time rule), the blocked destination prefixes, the latest refused calls, and the SIP ban list with
// its lift button (the SIP bans page's own section, shown here too).
import { api } from './api.js';
import { collectionSection } from './collection.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';
import * as sipBans from './sipbans.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/fraud/settings';

export const title = 'Fraud';

const CLASSES = ['internal', 'local', 'national', 'international', 'premium'];

const list = (text) => text.split(',').map((p) => p.trim()).filter((p) => p !== '');

function settingsSection() {
  const alert = alertBox();
  const saved = h('p', { class: 'hint', role: 'status', id: 'fraud-settings-status' });
  const inputs = {
    permission: h('select', { name: 'default_permission' }, CLASSES.map((c) => h('option', { value: c }, c))),
    international: h('input', { name: 'international_prefixes', autocomplete: 'off' }),
    national: h('input', { name: 'national_prefixes', autocomplete: 'off' }),
    premium: h('input', { name: 'premium_prefixes', autocomplete: 'off' }),
    budget: h('input', { name: 'daily_budget', inputmode: 'decimal', autocomplete: 'off' }),
    minutes: h('input', { name: 'daily_minutes', inputmode: 'numeric', autocomplete: 'off' }),
    international_calls: h('input', { name: 'max_international_calls', inputmode: 'numeric', autocomplete: 'off' }),
    afterHours: h('input', { name: 'after_hours_rule', autocomplete: 'off' }),
  };
  const form = h('form', { id: 'fraud-settings', novalidate: true },
    alert,
    field('Default outbound class', inputs.permission, 'Extensions without their own class; each class allows the ones before it.'),
    field('International prefixes', inputs.international, 'Comma-separated, e.g. 011, 00.'),
    field('National prefixes', inputs.national),
    field('Premium prefixes', inputs.premium, 'Checked first, e.g. 1900, 900.'),
    field('Daily budget per extension', inputs.budget, 'Priced with the LCR rates; 0: none.'),
    field('Daily minutes per extension', inputs.minutes, '0: none.'),
    field('International calls at once', inputs.international_calls, 'Per extension; 0: no cap.'),
    field('After-hours time rule', inputs.afterHours, 'While this time rule is closed, international and premium calls are refused.'),
    h('button', { type: 'submit' }, 'Save settings'), saved);

  function show(s) {
    inputs.permission.value = s.default_permission;
    inputs.international.value = s.international_prefixes.join(', ');
    inputs.national.value = s.national_prefixes.join(', ');
    inputs.premium.value = s.premium_prefixes.join(', ');
    inputs.budget.value = String(s.daily_budget);
    inputs.minutes.value = String(s.daily_minutes);
    inputs.international_calls.value = String(s.max_international_calls);
    inputs.afterHours.value = s.after_hours_rule ?? '';
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    saved.textContent = '';
    const number = (input) => (input.value.trim() === '' ? 0 : Number(input.value.trim()));
    try {
      show(await api('PUT', '/api/fraud/settings', {
        default_permission: inputs.permission.value,
        international_prefixes: list(inputs.international.value),
        national_prefixes: list(inputs.national.value),
        premium_prefixes: list(inputs.premium.value),
        daily_budget: number(inputs.budget),
        daily_minutes: number(inputs.minutes),
        max_international_calls: number(inputs.international_calls),
        after_hours_rule: inputs.afterHours.value.trim() || null,
      }));
      saved.textContent = 'Saved.';
    } catch (error) {
      showError(form, error);
    }
  });

  const element = h('section', { 'aria-labelledby': 'fraud-settings-title' },
    h('h2', { id: 'fraud-settings-title' }, 'Settings and budgets'), form);
  const load = () => api('GET', '/api/fraud/settings').then(show).catch((error) => {
    alert.textContent = `Could not load the settings: ${error.message}`;
    alert.hidden = false;
  });
  return { element, load };
}

/** One extension's own class and limits (GET|PUT|DELETE /api/extensions/{number}/outbound). */
function extensionSection() {
  const alert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'fraud-extension-status' });
  // Named "extension.<API field>": the settings form above has inputs of the same API names.
  const number = h('input', { name: 'extension.number', autocomplete: 'off', inputmode: 'numeric' });
  const inputs = {
    permission: h('select', { name: 'extension.permission' }, CLASSES.map((c) => h('option', { value: c }, c))),
    budget: h('input', { name: 'extension.daily_budget', inputmode: 'decimal', autocomplete: 'off' }),
    minutes: h('input', { name: 'extension.daily_minutes', inputmode: 'numeric', autocomplete: 'off' }),
    calls: h('input', { name: 'extension.max_international_calls', inputmode: 'numeric', autocomplete: 'off' }),
  };
  const defaults = h('button', { type: 'button', class: 'secondary', id: 'fraud-extension-defaults' }, 'Use the defaults');
  const form = h('form', { id: 'fraud-extension', novalidate: true },
    alert,
    field('Extension', number),
    h('button', { type: 'button', id: 'fraud-extension-load' }, 'Show'),
    field('Outbound class', inputs.permission),
    field('Daily budget', inputs.budget, 'Empty: the default.'),
    field('Daily minutes', inputs.minutes, 'Empty: the default.'),
    field('International calls at once', inputs.calls, 'Empty: the default.'),
    h('button', { type: 'submit' }, 'Save for this extension'), defaults, status);
  const path = () => `/api/extensions/${encodeURIComponent(number.value.trim())}/outbound`;
  const text = (value) => (value === null || value === undefined ? '' : String(value));
  const orNull = (input) => (input.value.trim() === '' ? null : Number(input.value.trim()));

  function show(l) {
    inputs.permission.value = l.effective.permission;
    inputs.budget.value = text(l.daily_budget);
    inputs.minutes.value = text(l.daily_minutes);
    inputs.calls.value = text(l.max_international_calls);
    status.textContent = `${l.extension}: ${l.own ? 'its own limits' : 'the defaults'}; today ${l.today.spend} spent, `
      + `${l.today.minutes} min`;
  }

  async function send(method, body) {
    clearErrors(form);
    try {
      const answer = await api(method, path(), body);
      show(answer ?? await api('GET', path()));
    } catch (error) {
      status.textContent = '';
      showError(form, error.field ? Object.assign(error, { field: `extension.${error.field}` }) : error);
    }
  }

  form.querySelector('#fraud-extension-load').addEventListener('click', () => send('GET'));
  defaults.addEventListener('click', () => send('DELETE'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send('PUT', {
      permission: inputs.permission.value, daily_budget: orNull(inputs.budget), daily_minutes: orNull(inputs.minutes),
      max_international_calls: orNull(inputs.calls),
    });
  });
  return h('section', { 'aria-labelledby': 'fraud-extension-title' },
    h('h2', { id: 'fraud-extension-title' }, 'One extension'), form);
}

function eventsSection() {
  const alert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'fraud-events-status' });
  const body = h('tbody');
  const element = h('section', { 'aria-labelledby': 'fraud-events-title' },
    h('h2', { id: 'fraud-events-title' }, 'Refused calls'), alert, status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'fraud-events' },
      h('caption', { class: 'visually-hidden' }, 'Refused calls'),
      h('thead', {}, h('tr', {}, ['Time', 'Extension', 'Number', 'Rule', 'Reason']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)));
  async function load() {
    try {
      const events = await api('GET', '/api/fraud/events?limit=100');
      body.replaceChildren(...events.map((e) => h('tr', {},
        h('td', { 'data-label': 'Time' }, new Date(e.occurred_at).toLocaleString()),
        h('td', { 'data-label': 'Extension' }, e.extension),
        h('td', { 'data-label': 'Number' }, e.number),
        h('td', { 'data-label': 'Rule' }, e.rule),
        h('td', { 'data-label': 'Reason' }, e.reason))));
      status.textContent = events.length === 0 ? 'No call was refused.' : `${events.length} refused`;
      alert.hidden = true;
    } catch (error) {
      alert.textContent = `Could not load the events: ${error.message}`;
      alert.hidden = false;
    }
  }
  return { element, load };
}

export function render(main) {
  // One dialog for the page (its buttons have fixed ids): it asks before a delete or a lift.
  const confirm = confirmDialog('Are you sure?', 'Yes');
  const settings = settingsSection();
  const patterns = collectionSection({
    id: 'fraud-patterns', noun: 'pattern', title: 'Blocked destinations', path: '/api/fraud/patterns',
    key: (p) => String(p.id), columns: ['Prefix', 'Reason', 'Enabled'],
    cells: (p) => [p.prefix, p.reason, p.enabled ? 'yes' : 'no'],
    inputs: (p) => ({
      prefix: h('input', { name: 'prefix', autocomplete: 'off', required: true, value: p?.prefix }),
      reason: h('input', { name: 'reason', autocomplete: 'off', required: true, value: p?.reason }),
      enabled: h('input', { name: 'enabled', type: 'checkbox', checked: p === null || p.enabled }),
    }),
    fields: (i) => [field('Prefix', i.prefix, 'Numbers sent to a trunk that start with it are refused.'),
      field('Reason', i.reason, 'Kept in the events; callers only hear "blocked destination".'),
      field('Enabled', i.enabled)],
    payload: (i) => ({ prefix: i.prefix.value.trim(), reason: i.reason.value.trim(), enabled: i.enabled.checked }),
  }, confirm);
  const events = eventsSection();
  const bans = sipBans.bansSection(confirm);
  main.append(
    h('h1', {}, 'Fraud'),
    h('p', { class: 'hint' }, 'Every call to the outside is checked before a trunk is used; a refused call gets '
      + '403 with the reason. An extension may have its own class and budgets (One extension).'),
    settings.element, extensionSection(), patterns.element, events.element,
    h('section', { 'aria-labelledby': 'fraud-bans-title' },
      h('h2', { id: 'fraud-bans-title' }, 'SIP bans'),
      h('p', { class: 'hint' }, 'Sources banned for repeated wrong passwords (docs/security.md).'), bans.element),
    confirm.dialog);
  bans.load();
  settings.load();
  patterns.load();
  events.load();
}
