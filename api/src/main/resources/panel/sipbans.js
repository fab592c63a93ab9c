// Source addresses banned from SIP for failing authentication (docs/security.md), through
// /api/sip-bans; an admin lifts a ban after a confirmation. The fraud page shows the same list.
import { api } from './api.js';
import { alertBox, confirmDialog, h } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/sip-bans';

export const title = 'SIP bans';

/** The ban list with its lift buttons, asking through the page's {@code confirm}; returns its element and load(). */
export function bansSection(confirm) {
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'sip-bans-status' });
  const body = h('tbody');
  const element = h('div', {},
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'sip-bans' },
      h('caption', { class: 'visually-hidden' }, 'SIP bans'),
      h('thead', {}, h('tr', {}, ['Address', 'Reason', 'Failures', 'Until', '']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)));

  async function load() {
    try {
      const bans = await api('GET', '/api/sip-bans');
      body.replaceChildren(...bans.map((b) => h('tr', {},
        h('td', { 'data-label': 'Address' }, b.address),
        h('td', { 'data-label': 'Reason' }, b.reason),
        h('td', { 'data-label': 'Failures' }, String(b.failures)),
        h('td', { 'data-label': 'Until' }, new Date(b.expires_at).toLocaleString()),
        h('td', { class: 'actions' }, h('button', {
          type: 'button', class: 'danger', 'aria-label': `Lift the ban on ${b.address}`,
          onclick: () => confirm.ask(`${b.address} will be answered again at once.`, () => lift(b)),
        }, 'Lift')))));
      status.textContent = bans.length === 0 ? 'No source is banned.' : `${bans.length} banned`;
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the bans: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  async function lift(ban) {
    try {
      await api('DELETE', `/api/sip-bans/${encodeURIComponent(ban.address)}`);
    } catch (error) {
      listAlert.textContent = `Could not lift the ban on ${ban.address}: ${error.message}`;
      listAlert.hidden = false;
      return;
    }
    await load();
  }

  return { element, load };
}

export function render(main) {
  const confirm = confirmDialog('Lift ban?', 'Lift');
  const bans = bansSection(confirm);
  main.append(
    h('h1', {}, 'SIP bans'),
    h('p', { class: 'hint' }, 'Addresses whose SIP messages go unanswered after repeated wrong passwords. '
      + 'Lift a ban when a phone had a mistyped password.'),
    bans.element,
    confirm.dialog);
  bans.load();
}
