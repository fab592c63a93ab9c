// The time rules page: business hours per weekday and holiday dates, and where calls go while open
// and otherwise (/api/time-rules). Dial-plan rules and inbound routes send calls to a rule with
// action "time_rule" and the rule's name as target. Hours and holidays are edited one per line; an
// API error about one of them (hours.days, holidays.date...) is shown beside its box.
import { api } from './api.js';
import { collectionSection } from './collection.js';
import { confirmDialog, field, h } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/time-rules';

export const title = 'Time rules';

/** "mon,tue 09:00-17:00" per line, as the hours box shows and reads them. */
function hoursText(hours) {
  return hours.map((o) => `${o.days.join(',')} ${o.from}-${o.until}`).join('\n');
}

function parseHours(text) {
  return lines(text).map((line) => {
    const [days = '', span = ''] = line.split(/\s+/);
    const [from = '', until = ''] = span.split('-');
    return { days: days.split(',').filter((d) => d !== ''), from, until };
  });
}

/** "2026-12-25 Christmas" per line. */
function holidaysText(holidays) {
  return holidays.map((d) => `${d.date} ${d.name}`.trim()).join('\n');
}

function parseHolidays(text) {
  return lines(text).map((line) => {
    const [date, ...name] = line.split(/\s+/);
    return { date, name: name.join(' ') };
  });
}

function lines(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

export function render(main) {
  const confirm = confirmDialog('Delete?');
  // Extensions are always a destination; the other kinds come from the dial plan once loaded.
  let kinds = [{ name: 'extension' }];
  const branch = (name, selected) => h('select', { name }, kinds.map((k) => h('option', {
    value: k.name, selected: k.name === selected,
  }, k.name)));
  const rules = collectionSection({
    id: 'time-rules', noun: 'rule', title: 'Rules', path: '/api/time-rules',
    key: (r) => r.name, columns: ['Rule', 'Open', 'Holidays', 'While open', 'Otherwise'],
    cells: (r) => [r.name, hoursText(r.hours) || 'never', holidaysText(r.holidays) || '-',
      `${r.open.action} ${r.open.target}`, `${r.closed.action} ${r.closed.target}`],
    inputs: (r) => ({
      name: h('input', { name: 'name', autocomplete: 'off', required: true, readonly: r !== null, value: r?.name }),
      hours: h('textarea', { name: 'hours', rows: 3, placeholder: 'mon,tue,wed,thu,fri 09:00-17:00' },
        r === null ? '' : hoursText(r.hours)),
      holidays: h('textarea', { name: 'holidays', rows: 3, placeholder: '2026-12-25 Christmas' },
        r === null ? '' : holidaysText(r.holidays)),
      openAction: branch('open.action', r?.open.action ?? 'extension'),
      openTarget: h('input', { name: 'open.target', autocomplete: 'off', required: true, value: r?.open.target }),
      closedAction: branch('closed.action', r?.closed.action ?? 'extension'),
      closedTarget: h('input', { name: 'closed.target', autocomplete: 'off', required: true, value: r?.closed.target }),
    }),
    fields: (i, editing) => [
      field('Name', i.name, editing ? 'Rules keep their names (routes name them).' : 'The target of routes and rules with action time_rule.'),
      field('Open hours', i.hours, 'One per line: days (mon..sun), from-until (24:00 for midnight), in the server\'s time zone.'),
      field('Holidays', i.holidays, 'One per line: yyyy-mm-dd and a name; closed all day.'),
      field('While open: goes to', i.openAction), field('While open: target', i.openTarget),
      field('Otherwise: goes to', i.closedAction), field('Otherwise: target', i.closedTarget)],
    payload: (i, editing) => ({
      ...(editing ? {} : { name: i.name.value.trim() }),
      hours: parseHours(i.hours.value),
      holidays: parseHolidays(i.holidays.value),
      open: { action: i.openAction.value, target: i.openTarget.value.trim() },
      closed: { action: i.closedAction.value, target: i.closedTarget.value.trim() },
    }),
    // hours.days, holidays.date and the like have no input of their own: they belong to their box.
    errorOf: (error) => {
      const box = ['hours', 'holidays'].find((b) => error.field?.startsWith(`${b}.`));
      return box ? Object.assign(error, { field: box, message: `${error.field}: ${error.message}` }) : error;
    },
  }, confirm);
  main.append(
    h('h1', {}, 'Time rules'),
    h('p', { class: 'hint' }, 'Business hours and holidays: a call sent to a rule (action "time_rule") goes to its open '
      + 'destination within the hours on a day that is no holiday, otherwise to the other one.'),
    rules.element, confirm.dialog);
  api('GET', '/api/dialplan/kinds').then((loaded) => {
    kinds = loaded.filter((k) => k.name !== 'time_rule');
  }).catch(() => {}).finally(() => rules.load());
}
