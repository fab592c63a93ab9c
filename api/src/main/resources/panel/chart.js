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

/** Counts {@code starts} per local hour of the day beginning at {@code midnight} and draws them. */
export function callsPerHour(starts, midnight) {
  const counts = new Array(24).fill(0);
  for (const start of starts) {
    const hour = Math.floor((start - midnight) / 3600000);
    if (hour >= 0 && hour < 24) {
      counts[hour] += 1;
    }
  }
  const highest = Math.max(1, ...counts);
  const slot = WIDTH / 24;
  const bars = counts.map((count, hour) => {
    const barHeight = Math.round((count / highest) * (HEIGHT - AXIS - 4));
    return svg('g', {},
      svg('rect', { x: hour * slot + 2, y: HEIGHT - AXIS - barHeight, width: slot - 4, height: barHeight, class: 'bar' },
        svg('title', {}, `${hour}:00 – ${count} call${count === 1 ? '' : 's'}`)),
      hour % 3 === 0 ? svg('text', { x: hour * slot + slot / 2, y: HEIGHT - 3, 'text-anchor': 'middle', class: 'axis' }, String(hour)) : '');
  });
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: 0, y1: HEIGHT - AXIS, x2: WIDTH, y2: HEIGHT - AXIS, class: 'baseline' }), ...bars);
  const table = h('table', { class: 'visually-hidden', id: 'calls-per-hour' },
    h('caption', {}, 'Calls per hour today'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Hour'), h('th', { scope: 'col' }, 'Calls'))),
    h('tbody', {}, counts.map((count, hour) => h('tr', { 'data-hour': hour }, h('td', {}, `${hour}:00`), h('td', {}, String(count))))));
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, 'Calls per hour today'), chart, table);
}
