// The pickup-groups section of an extension's editor: GET and PUT /api/extensions/{number}/pickup-groups
// (docs/pickup.md). Group pickup (*8) answers calls ringing the other members of these groups. The names
// are typed comma-separated; the API's complaint is shown next to the field.
import { api } from './api.js';
import { alertBox, clearErrors, field, h, showError } from './dom.js';

/** The section for extension {@code number}: a form that loads its groups and saves them. */
export function pickupGroupsForm(number) {
  const path = `/api/extensions/${encodeURIComponent(number)}/pickup-groups`;
  const groups = h('input', { name: 'groups', placeholder: 'sales, front-desk', autocomplete: 'off' });
  const status = h('p', { class: 'hint', role: 'status', id: 'pickup-groups-status' });
  const form = h('form', { class: 'card', novalidate: true, id: 'pickup-groups-form', 'aria-labelledby': 'pickup-groups-title' },
    h('h2', { id: 'pickup-groups-title' }, `Pickup groups of ${number}`),
    alertBox(),
    field('Pickup groups', groups, 'Comma-separated names (a-z, 0-9, - and _). *8 answers a call ringing another member.'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Save pickup groups')),
    status);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const names = groups.value.split(',').map((g) => g.trim()).filter((g) => g.length > 0);
      const saved = await api('PUT', path, { groups: names });
      groups.value = saved.groups.join(', ');
      status.textContent = `Pickup groups of ${number} saved.`;
    } catch (error) {
      showError(form, error);
    }
  });

  api('GET', path).then((settings) => {
    groups.value = settings.groups.join(', ');
  }, (error) => showError(form, error));
  return form;
}
