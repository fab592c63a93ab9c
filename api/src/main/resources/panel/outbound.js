// The outbound routes page: the routes that dial-plan rules of action "outbound" send numbers to
// (/api/outbound-routes: the number sent, the trunks in order, least-cost routing, the caller ID),
// and the least-cost-routing rates per trunk and prefix with their time-of-day and day-of-week
// rates (/api/lcr-rates). The API checks every value and names the field; a time rate's error
// (time_rates.days...) is shown beside the time rates box.
import { collectionSection } from './collection.js';
import { confirmDialog, field, h } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/outbound-routes';

export const title = 'Outbound routes';

/** "sat,sun 00:00-24:00 0.005" per line, as the time rates box shows and reads them. */
function timeRatesText(rates) {
  return rates.map((t) => `${t.days.join(',')} ${t.from}-${t.until} ${t.rate}`).join('\n');
}

function parseTimeRates(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => {
    const [days = '', span = '', rate = ''] = line.split(/\s+/);
    const [from = '', until = ''] = span.split('-');
    return { days: days.split(',').filter((d) => d !== ''), from, until, rate: rate === '' ? null : Number(rate) };
  });
}

export function render(main) {
  const confirm = confirmDialog('Delete?');
  const routes = collectionSection({
    id: 'routes', noun: 'route', title: 'Routes', path: '/api/outbound-routes',
    key: (r) => r.name, columns: ['Route', 'Number sent', 'Trunks', 'Order', 'Caller ID'],
    cells: (r) => [r.name, r.dial, r.trunks.join(', '), r.lcr ? 'cheapest first' : 'as listed', r.caller_id ?? 'the extension'],
    inputs: (r) => ({
      name: h('input', { name: 'name', autocomplete: 'off', required: true, readonly: r !== null, value: r?.name }),
      dial: h('input', { name: 'dial', autocomplete: 'off', required: true, value: r?.dial ?? '$1', placeholder: '$1' }),
      trunks: h('input', { name: 'trunks', autocomplete: 'off', required: true, value: r?.trunks.join(', '),
        placeholder: 'carrier, backup' }),
      lcr: h('input', { name: 'lcr', type: 'checkbox', checked: r?.lcr ?? false }),
      callerId: h('input', { name: 'caller_id', autocomplete: 'off', value: r?.caller_id, placeholder: '15550001000' }),
    }),
    fields: (i, editing) => [
      field('Name', i.name, editing ? 'Routes keep their names (rules name them).' : 'The target of dial-plan rules with action outbound.'),
      field('Number sent', i.dial, '$1 is what the rule\'s first group captured; 1$1 prepends a 1.'),
      field('Trunks', i.trunks, 'Trunk names in the order they are tried, separated by commas.'),
      field('Cheapest trunk first (least-cost routing)', i.lcr),
      field('Caller ID', i.callerId, 'Sent in From and P-Asserted-Identity; empty: the caller\'s extension.')],
    payload: (i, editing) => ({
      ...(editing ? {} : { name: i.name.value }),
      dial: i.dial.value,
      trunks: i.trunks.value.split(',').map((t) => t.trim()).filter((t) => t !== ''),
      lcr: i.lcr.checked,
      caller_id: i.callerId.value.trim() === '' ? null : i.callerId.value.trim(),
    }),
  }, confirm);
  const rates = collectionSection({
    id: 'rates', noun: 'rate', title: 'Least-cost-routing rates', path: '/api/lcr-rates',
    key: (r) => String(r.id), columns: ['Trunk', 'Prefix', 'Per minute', 'At other times'],
    cells: (r) => [r.trunk, r.prefix === '' ? 'any number' : r.prefix, String(r.rate), timeRatesText(r.time_rates) || '-'],
    inputs: (r) => ({
      trunk: h('input', { name: 'trunk', autocomplete: 'off', required: true, value: r?.trunk }),
      prefix: h('input', { name: 'prefix', autocomplete: 'off', value: r?.prefix, placeholder: '1555' }),
      rate: h('input', { name: 'rate', inputmode: 'decimal', autocomplete: 'off', required: true, value: r === null ? '' : String(r.rate) }),
      timeRates: h('textarea', { name: 'time_rates', rows: 3, placeholder: 'sat,sun 00:00-24:00 0.005' },
        r === null ? '' : timeRatesText(r.time_rates)),
    }),
    fields: (i) => [
      field('Trunk', i.trunk), field('Prefix', i.prefix, 'Numbers starting with it; the longest prefix wins; empty: every number.'),
      field('Rate per minute', i.rate, 'At most six decimals.'),
      field('Time rates', i.timeRates, 'One per line: days (mon..sun), from-until (24:00 for midnight), rate. The first that covers the time wins.')],
    payload: (i) => ({
      trunk: i.trunk.value.trim(),
      prefix: i.prefix.value.trim(),
      rate: i.rate.value.trim() === '' ? null : Number(i.rate.value),
      time_rates: parseTimeRates(i.timeRates.value),
    }),
    // time_rates.days and the like have no input of their own: they belong to the time rates box.
    errorOf: (error) => (error.field?.startsWith('time_rates.')
      ? Object.assign(error, { field: 'time_rates', message: `${error.field}: ${error.message}` }) : error),
  }, confirm);
  main.append(
    h('h1', {}, 'Outbound routes'),
    h('p', { class: 'hint' }, 'A dial-plan rule with action "outbound" and a route as target sends numbers out through '
      + 'the route\'s trunks: a trunk that is down, full, answers 5xx or not at all is skipped for the next.'),
    routes.element, rates.element, confirm.dialog);
  routes.load();
  rates.load();
}
