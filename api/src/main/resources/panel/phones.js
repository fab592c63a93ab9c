// Registered phones (what the registrar has seen) and a lookup box correlating a MAC or IP
// address with provisioning, through /api/registered-phones and /api/phone-lookup.
import { api } from './api.js';
import { alertBox, clearErrors, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/registered-phones';

export const title = 'Registered phones';

export function render(main) {
  const query = h('input', { name: 'mac_or_ip', autocomplete: 'off', required: true });
  const answer = h('div', { id: 'lookup-answer', 'aria-live': 'polite' });
  const lookup = h('form', { class: 'card', novalidate: true, id: 'lookup-form', 'aria-labelledby': 'lookup-title' },
    h('h2', { id: 'lookup-title' }, 'Look up a phone'),
    alertBox(),
    field('MAC or IP address', query),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Look up')),
    answer);
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status' });
  const body = h('tbody');
  main.append(
    h('h1', {}, 'Registered phones'),
    lookup,
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'phones' },
      h('caption', { class: 'visually-hidden' }, 'Registered phones'),
      h('thead', {}, h('tr', {}, ['MAC address', 'Extension', 'SIP user', 'IP address', 'User agent', 'Last registered']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)));

  lookup.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(lookup);
    answer.replaceChildren();
    try {
      const found = await api('GET', `/api/phone-lookup/${encodeURIComponent(query.value.trim())}`);
      const p = found.phone;
      const rows = [
        ['MAC address', p.mac_address], ['Extension', p.extension_number], ['Vendor', p.vendor], ['Model', p.model],
        ['Static IP', p.static_ip], ['Provisioned', p.provisioned ? 'yes' : 'no'],
        ['Registered', p.registered ? 'yes' : 'no'], ['IP address', p.ip_address], ['User agent', p.user_agent],
        ['Last registered', p.last_registered ? new Date(p.last_registered).toLocaleString() : null],
      ];
      answer.replaceChildren(h('dl', {}, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')])));
    } catch (error) {
      showError(lookup, error);
    }
  });

  (async () => {
    try {
      const phones = await api('GET', '/api/registered-phones');
      body.replaceChildren(...phones.map((p) => h('tr', {},
        h('td', { 'data-label': 'MAC address' }, p.mac_address ?? '—'),
        h('td', { 'data-label': 'Extension' }, p.extension_number),
        h('td', { 'data-label': 'SIP user' }, p.auth_user ?? '—'),
        h('td', { 'data-label': 'IP address' }, p.ip_address),
        h('td', { 'data-label': 'User agent' }, p.user_agent ?? '—'),
        h('td', { 'data-label': 'Last registered' }, new Date(p.last_registered_at).toLocaleString()))));
      status.textContent = `${phones.length} phones seen registering`;
    } catch (error) {
      listAlert.textContent = `Could not load registered phones: ${error.message}`;
      listAlert.hidden = false;
    }
  })();
}
