// A calls-per-hour bar chart drawn as SVG elements (attributes, not inline styles, so the CSP
// holds), with the same numbers in a table for screen readers.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 480;
const HEIGHT = 120;
const AXIS = 16;

function svg(tag, attributes, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) {
    el.setAttribute(key, String(value));
  }
  el.append(...children);
  return el;
}

/**
 * Counts {@code starts} per hour in the 24 hours from {@code firstHour} (the start of a clock hour)
 * and draws them, each bar labelled with its local clock hour.
 */
export function callsPerHour(starts, firstHour) {
  const counts = new Array(24).fill(0);
  for (const start of starts) {
    const slot = Math.floor((start - firstHour) / 3600000);
    if (slot >= 0 && slot < 24) {
      counts[slot] += 1;
    }
  }
  const hourOf = (slot) => new Date(firstHour.getTime() + slot * 3600000).getHours();
  const highest = Math.max(1, ...counts);
  const slotWidth = WIDTH / 24;
  const bars = counts.map((count, slot) => {
    const barHeight = Math.round((count / highest) * (HEIGHT - AXIS - 4));
    const hour = hourOf(slot);
    return svg('g', {},
      svg('rect', { x: slot * slotWidth + 2, y: HEIGHT - AXIS - barHeight, width: slotWidth - 4, height: barHeight, class: 'bar' },
        svg('title', {}, `${hour}:00 – ${count} call${count === 1 ? '' : 's'}`)),
      slot % 3 === 2 ? svg('text', { x: slot * slotWidth + slotWidth / 2, y: HEIGHT - 3, 'text-anchor': 'middle', class: 'axis' }, String(hour)) : '');
  });
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: 0, y1: HEIGHT - AXIS, x2: WIDTH, y2: HEIGHT - AXIS, class: 'baseline' }), ...bars);
  const table = h('table', { class: 'visually-hidden', id: 'calls-per-hour' },
    h('caption', {}, 'Calls per hour, last 24 hours'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Hour'), h('th', { scope: 'col' }, 'Calls'))),
    h('tbody', {}, counts.map((count, slot) => h('tr', { 'data-hour': hourOf(slot) }, h('td', {}, `${hourOf(slot)}:00`), h('td', {}, String(count))))));
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, 'Calls per hour, last 24 hours'), chart, table);
}
