// The emergency calling page (/api/emergency, docs/emergency.md): the numbers that are emergency
// calls from any phone (no prefix, before every dial-plan rule), the trunks they go out through in
// order, the callback number and whom to tell when one starts; then each extension's dispatchable
// location (/api/extensions/{n}/location), sent to the emergency service with its calls. Lists are
// typed comma-separated; the API's complaints are shown next to the field they name.
import { api } from './api.js';
import { collectionSection } from './collection.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/emergency';

export const title = 'Emergency';

const CIVIC = [
  ['country', 'Country', 'Two letters (ISO 3166): US, DE...'],
  ['state', 'State or province', null],
  ['city', 'City', null],
  ['street', 'Street', null],
  ['house_number', 'House number', null],
  ['floor', 'Floor', 'Optional.'],
  ['room', 'Room', 'Optional: where a responder finds the phone.'],
  ['name', 'Building or company', 'Optional.'],
  ['postal_code', 'Postal code', 'Optional.'],
];

function list(text) {
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

export function render(main) {
  const confirm = confirmDialog('Delete?');
  const settings = settingsForm();
  const locations = collectionSection({
    id: 'emergency-locations', noun: 'location', title: 'Locations', path: '/api/emergency/locations',
    itemPath: (extension) => `/api/extensions/${encodeURIComponent(extension)}/location`,
    addKey: (inputs) => inputs.extension.value.trim(),
    key: (l) => l.extension, columns: ['Extension', 'Address', 'Floor', 'Room'],
    cells: (l) => [l.extension,
      [l.civic.name, `${l.civic.house_number} ${l.civic.street}`, l.civic.city, l.civic.state, l.civic.postal_code,
        l.civic.country].filter(Boolean).join(', '),
      l.civic.floor ?? '-', l.civic.room ?? '-'],
    inputs: (l) => ({
      extension: h('input', { name: 'extension', autocomplete: 'off', inputmode: 'tel', required: true, readonly: l !== null,
        value: l?.extension }),
      ...Object.fromEntries(CIVIC.map(([key]) => [key, h('input', { name: `civic.${key}`, autocomplete: 'off',
        value: l?.civic[key] ?? '' })])),
    }),
    fields: (i, editing) => [
      field('Extension', i.extension, editing ? '' : 'The extension whose phones are at this address.'),
      ...CIVIC.map(([key, label, hint]) => field(label, i[key], hint))],
    payload: (i) => ({
      civic: Object.fromEntries(CIVIC.map(([key]) => [key, i[key].value.trim()]).filter(([, value]) => value !== '')),
    }),
  }, confirm);
  main.append(
    h('h1', {}, 'Emergency'),
    h('p', { class: 'hint' }, 'Emergency numbers reach the emergency trunks from every phone without any prefix, before '
      + 'the dial plan, forwarding or do-not-disturb, even when the trunk is full. The call carries the extension\'s '
      + 'location and a callback number; the people below are told as it starts.'),
    settings.form, locations.element, confirm.dialog);
  settings.load();
  locations.load();
}

function settingsForm() {
  const inputs = {
    numbers: h('input', { name: 'numbers', autocomplete: 'off', required: true }),
    trunks: h('input', { name: 'trunks', autocomplete: 'off', required: true }),
    callback_number: h('input', { name: 'callback_number', autocomplete: 'off', inputmode: 'tel' }),
    emails: h('input', { name: 'notify.emails', autocomplete: 'off' }),
    extension: h('input', { name: 'notify.extension', autocomplete: 'off', inputmode: 'tel' }),
  };
  const save = h('button', { type: 'submit' }, 'Save emergency settings');
  const status = h('p', { class: 'hint', role: 'status', id: 'emergency-status' });
  const form = h('form', { class: 'card', novalidate: true, id: 'emergency-form', 'aria-labelledby': 'emergency-title' },
    h('h2', { id: 'emergency-title' }, 'Emergency calls'),
    alertBox(), status,
    h('div', { class: 'grid' },
      field('Emergency numbers', inputs.numbers, 'Comma-separated, e.g. 911, 112.'),
      field('Trunks', inputs.trunks, 'Comma-separated, tried in this order.'),
      field('Callback number', inputs.callback_number, 'Sent when the caller\'s extension has no DID of its own.'),
      field('Mail to', inputs.emails, 'Comma-separated addresses, mailed when a call starts (smtp settings).'),
      field('Ring extension', inputs.extension, 'Optional: the front desk, rung when a call starts.')),
    h('div', { class: 'buttons' }, save));

  function show(s) {
    inputs.numbers.value = s.numbers.join(', ');
    inputs.trunks.value = s.trunks.join(', ');
    inputs.callback_number.value = s.callback_number ?? '';
    inputs.emails.value = (s.notify?.emails ?? []).join(', ');
    inputs.extension.value = s.notify?.extension ?? '';
  }

  async function load() {
    try {
      show(await api('GET', '/api/emergency'));
    } catch (error) {
      showError(form, error);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.textContent = '';
    save.disabled = true;
    try {
      const callback = inputs.callback_number.value.trim();
      const extension = inputs.extension.value.trim();
      show(await api('PUT', '/api/emergency', {
        numbers: list(inputs.numbers.value),
        trunks: list(inputs.trunks.value),
        ...(callback === '' ? {} : { callback_number: callback }),
        notify: { emails: list(inputs.emails.value), ...(extension === '' ? {} : { extension }) },
      }));
      status.textContent = 'The emergency settings are saved.';
    } catch (error) {
      showError(form, error);
    } finally {
      save.disabled = false;
    }
  });
  return { form, load };
}
