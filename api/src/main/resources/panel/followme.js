// The follow-me section of an extension's editor: GET and PUT /api/extensions/{number}/follow-me
// (docs/follow-me.md). The settings are replaced as a whole; the API's complaint is shown next to
// the field it names (destinations[i].number, destinations[i].ring_seconds, desk_seconds...).
import { api } from './api.js';
import { alertBox, clearErrors, h, prefixedField, showError } from './dom.js';

const STRATEGIES = [['in_order', 'One after the other'], ['together', 'All together']];

const ownField = (label, input, hint) => prefixedField('fm', label, input, hint);

/** The section for extension {@code number}: a form that loads the settings and saves them. */
export function followMeForm(number) {
  const path = `/api/extensions/${encodeURIComponent(number)}/follow-me`;
  const inputs = {
    enabled: h('input', { name: 'enabled', type: 'checkbox' }),
    deskFirst: h('input', { name: 'desk_first', type: 'checkbox' }),
    deskSeconds: h('input', { name: 'desk_seconds', type: 'number', min: 5, max: 300 }),
    strategy: h('select', { name: 'strategy' }, STRATEGIES.map(([value, label]) => h('option', { value }, label))),
  };
  const list = h('div', { id: 'follow-me-destinations' });
  const add = h('button', { type: 'button', class: 'secondary', id: 'follow-me-add' }, 'Add number');
  const status = h('p', { class: 'hint', role: 'status', id: 'follow-me-status' });
  const form = h('form', { class: 'card', novalidate: true, id: 'follow-me-form', 'aria-labelledby': 'follow-me-title' },
    h('h2', { id: 'follow-me-title' }, `Follow-me of ${number}`),
    h('p', { class: 'hint' }, 'Calls to this extension ring its desk phone and these extensions, then its voicemail. '
      + 'Forward always and do-not-disturb still come first.'),
    alertBox(),
    h('div', { class: 'grid' },
      ownField('Follow me', inputs.enabled),
      ownField('Desk phone first', inputs.deskFirst, 'Otherwise the desk phone rings with the list.'),
      ownField('Desk phone rings (s)', inputs.deskSeconds, '5 to 300 seconds.'),
      ownField('The list rings', inputs.strategy)),
    list,
    h('div', { class: 'buttons' }, add, h('button', { type: 'submit' }, 'Save follow-me')),
    status);

  function destinationRow(destination) {
    const i = list.children.length;
    const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Remove number ${i + 1}` }, 'Remove');
    const row = h('div', { class: 'grid follow-me-destination' },
      ownField(`Number ${i + 1}`, h('input', { name: `destinations[${i}].number`, inputmode: 'numeric', value: destination.number ?? '' }),
        'Another extension.'),
      ownField(`Rings (s)`, h('input', { name: `destinations[${i}].ring_seconds`, type: 'number', min: 5, max: 300,
        value: destination.ring_seconds ?? 20 })),
      remove);
    remove.addEventListener('click', () => {
      const kept = rows().filter((_, j) => j !== i);
      list.replaceChildren();
      kept.forEach((d) => list.append(destinationRow(d)));
    });
    return row;
  }

  function rows() {
    return [...list.children].map((row) => ({
      number: row.querySelector('input[name$=".number"]').value.trim(),
      ring_seconds: Number(row.querySelector('input[name$=".ring_seconds"]').value),
    }));
  }

  add.addEventListener('click', () => list.append(destinationRow({})));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await api('PUT', path, {
        enabled: inputs.enabled.checked,
        desk_first: inputs.deskFirst.checked,
        desk_seconds: Number(inputs.deskSeconds.value),
        strategy: inputs.strategy.value,
        destinations: rows(),
      });
      status.textContent = `Follow-me of ${number} saved.`;
    } catch (error) {
      showError(form, error);
    }
  });

  api('GET', path).then((settings) => {
    inputs.enabled.checked = settings.enabled;
    inputs.deskFirst.checked = settings.desk_first;
    inputs.deskSeconds.value = settings.desk_seconds;
    inputs.strategy.value = settings.strategy;
    settings.destinations.forEach((d) => list.append(destinationRow(d)));
  }, (error) => showError(form, error));
  return form;
}
