// Call parking through /api/parking: the calls parked on this node right now (slot, caller, who parked
// it, since when), refreshed every few seconds, and the park lot's settings (number, slots, timeout,
// music, return action) with the API's complaints shown next to the field they name.
import { api } from './api.js';
import { alertBox, clearErrors, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/parking';

export const title = 'Parking';

/** How often the parked calls are read again while the page is open. */
const REFRESH_MS = 3000;

export function render(main) {
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'parking-status' });
  const body = h('tbody');
  const lot = lotForm();
  main.append(
    h('h1', {}, 'Parking'),
    h('p', { class: 'hint' }, 'Transfer a call to the park number (or dial it) to park it in the first free slot; '
      + 'dial the slot from any phone to pick it up. A call nobody picks up rings back the phone that parked it.'),
    h('h2', {}, 'Parked calls'),
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'parked-calls' },
      h('caption', { class: 'visually-hidden' }, 'Parked calls'),
      h('thead', {}, h('tr', {}, ['Slot', 'Caller', 'Parked by', 'Since'].map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    lot.form);

  async function load() {
    try {
      const parked = await api('GET', '/api/parking');
      body.replaceChildren(...parked.map((p) => h('tr', { 'data-slot': String(p.slot) },
        h('td', { 'data-label': 'Slot' }, String(p.slot)),
        h('td', { 'data-label': 'Caller' }, p.caller_name ? `${p.caller_name} (${p.caller})` : p.caller),
        h('td', { 'data-label': 'Parked by' }, p.parked_by),
        h('td', { 'data-label': 'Since' }, new Date(p.since).toLocaleTimeString()))));
      status.textContent = parked.length === 0 ? 'No call is parked.' : `${parked.length} parked`;
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the parked calls: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function lotForm() {
    const inputs = {
      number: h('input', { name: 'number', autocomplete: 'off', inputmode: 'tel', required: true }),
      first_slot: h('input', { name: 'first_slot', inputmode: 'numeric', required: true }),
      last_slot: h('input', { name: 'last_slot', inputmode: 'numeric', required: true }),
      timeout_seconds: h('input', { name: 'timeout_seconds', inputmode: 'numeric', required: true }),
      music_class: h('input', { name: 'music_class', autocomplete: 'off', required: true }),
      'return_action.action': h('input', { name: 'return_action.action', autocomplete: 'off' }),
      'return_action.target': h('input', { name: 'return_action.target', autocomplete: 'off' }),
    };
    const save = h('button', { type: 'submit' }, 'Save lot');
    const form = h('form', { class: 'card', novalidate: true, id: 'park-lot-form', 'aria-labelledby': 'park-lot-title' },
      h('h2', { id: 'park-lot-title' }, 'Park lot'),
      alertBox(),
      h('div', { class: 'grid' },
        field('Park number', inputs.number, 'Dialled, or named by a transfer, to park a call.'),
        field('First slot', inputs.first_slot),
        field('Last slot', inputs.last_slot, 'At most 1000 slots; the park number is not one of them.'),
        field('Timeout (seconds)', inputs.timeout_seconds, '5 to 3600; then the call rings back the phone that parked it.'),
        field('Music class', inputs.music_class, 'A music-on-hold class.'),
        field('Then to (kind)', inputs['return_action.action'], 'When the ring-back is not answered: voicemail, extension, ring_group...; empty to hang up.'),
        field('Then to (target)', inputs['return_action.target'])),
      h('div', { class: 'buttons' }, save));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      save.disabled = true;
      const values = {
        number: inputs.number.value,
        first_slot: Number(inputs.first_slot.value),
        last_slot: Number(inputs.last_slot.value),
        timeout_seconds: Number(inputs.timeout_seconds.value),
        music_class: inputs.music_class.value,
      };
      if (inputs['return_action.action'].value.trim() !== '') {
        values.return_action = { action: inputs['return_action.action'].value, target: inputs['return_action.target'].value };
      }
      try {
        show(await api('PUT', '/api/parking/lot', values));
        status.textContent = 'Park lot saved.';
      } catch (error) {
        showError(form, error);
      } finally {
        save.disabled = false;
      }
    });

    function show(l) {
      inputs.number.value = l.number;
      inputs.first_slot.value = String(l.first_slot);
      inputs.last_slot.value = String(l.last_slot);
      inputs.timeout_seconds.value = String(l.timeout_seconds);
      inputs.music_class.value = l.music_class;
      inputs['return_action.action'].value = l.return_action?.action ?? '';
      inputs['return_action.target'].value = l.return_action?.target ?? '';
    }

    return {
      form,
      async read() {
        try {
          show(await api('GET', '/api/parking/lot'));
        } catch (error) {
          showError(form, error);
        }
      },
    };
  }

  lot.read();
  load();
  const timer = setInterval(load, REFRESH_MS);
  return () => clearInterval(timer);
}
