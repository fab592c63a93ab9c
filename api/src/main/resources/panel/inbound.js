// The inbound routes page: where a carrier's call to one of our numbers (DID) goes
// (/api/inbound-routes), to any destination kind the dial plan knows (GET /api/dialplan/kinds),
// and the default route "*" for numbers without one. The API checks the kind and the target and
// names the field.
import { api } from './api.js';
import { collectionSection } from './collection.js';
import { confirmDialog, field, h } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/inbound-routes';

export const title = 'Inbound routes';

export function render(main) {
  const confirm = confirmDialog('Delete?');
  // Extensions are always a destination; the other kinds come from the dial plan once loaded.
  let kinds = [{ name: 'extension', description: 'an extension' }];
  const routes = collectionSection({
    id: 'inbound-routes', noun: 'route', title: 'Routes by number', path: '/api/inbound-routes',
    key: (r) => r.did, columns: ['Number (DID)', 'Goes to', 'Target'],
    cells: (r) => [r.did === '*' ? 'any other number' : r.did, r.action, r.target],
    inputs: (r) => {
      const names = kinds.map((k) => k.name);
      const choices = r === null || names.includes(r.action) ? kinds : kinds.concat({ name: r.action, description: '' });
      return {
        did: h('input', { name: 'did', autocomplete: 'off', required: true, readonly: r !== null, value: r?.did,
          placeholder: '15550001000' }),
        action: h('select', { name: 'action' }, choices.map((k) => h('option', {
          value: k.name, selected: k.name === (r?.action ?? 'extension'),
        }, k.description ? `${k.name}: ${k.description}` : k.name))),
        target: h('input', { name: 'target', autocomplete: 'off', required: true, value: r?.target, placeholder: '1002' }),
      };
    },
    fields: (i, editing) => [
      field('Number (DID)', i.did, editing ? 'A route keeps its number.' : 'Digits as the carrier sends them, or * for every number without a route.'),
      field('Goes to', i.action),
      field('Target', i.target, 'The extension, ring group, menu, room... of that kind.')],
    payload: (i, editing) => ({
      ...(editing ? {} : { did: i.did.value.trim() }),
      action: i.action.value,
      target: i.target.value.trim(),
    }),
  }, confirm);
  main.append(
    h('h1', {}, 'Inbound routes'),
    h('p', { class: 'hint' }, 'Calls from a trunk\'s inbound addresses go where the number they call routes; '
      + 'a number without a route and without a default (*) is refused.'),
    routes.element, confirm.dialog);
  api('GET', '/api/dialplan/kinds').then((loaded) => {
    kinds = loaded.filter((k) => k.name !== 'reject');
  }).catch(() => {}).finally(() => routes.load());
}
