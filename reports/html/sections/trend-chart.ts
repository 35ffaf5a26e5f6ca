import { esc, num } from '../escape.ts';

/**
 * A small inline SVG line chart over the runs of a history (x: one slot per run, oldest first), with
 * the current run marked: drawn on the server, so the page needs no script to show it.
 */
export interface TrendSeries {
  readonly label: string;
  readonly color: string;
  /** One value per run (null: not measured that run). */
  readonly values: readonly (number | null)[];
}

const W = 360;
const H = 150;
const PAD = { left: 48, right: 12, top: 22, bottom: 24 };

export function trendChart(id: string, title: string, unit: string, series: readonly TrendSeries[], current: number): string {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const slots = Math.max(1, ...series.map((s) => s.values.length));
  if (all.length === 0) return `<figure class="trend" id="${esc(id)}"><figcaption>${esc(title)}</figcaption><p class="muted">not measured in these runs</p></figure>`;
  const top = Math.max(...all) * 1.1 || 1;
  const bottom = Math.min(0, ...all);
  const x = (i: number) => PAD.left + (slots === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (slots - 1));
  const y = (v: number) => PAD.top + ((top - v) * (H - PAD.top - PAD.bottom)) / (top - bottom || 1);
  const lines = series.map((s) => {
    const pts = s.values.flatMap((v, i) => (v === null ? [] : [`${num(x(i), 1)},${num(y(v), 1)}`]));
    const dots = s.values.map((v, i) => (v === null ? '' : `<circle cx="${num(x(i), 1)}" cy="${num(y(v), 1)}" r="${i === current ? 5 : 2.5}" fill="${esc(s.color)}"${i === current ? ' class="current" stroke="#1d2330" stroke-width="1.5"' : ''}><title>${esc(`${s.label}: ${num(v, 1)} ${unit}`)}</title></circle>`)).join('');
    return `<g class="series" data-label="${esc(s.label)}">${pts.length > 1 ? `<polyline fill="none" stroke="${esc(s.color)}" stroke-width="1.5" points="${pts.join(' ')}"/>` : ''}${dots}</g>`;
  });
  const mark = `<line class="this-run" x1="${num(x(current), 1)}" x2="${num(x(current), 1)}" y1="${PAD.top - 6}" y2="${H - PAD.bottom}" stroke="#6a717d" stroke-dasharray="3,3"/>`
    + `<text x="${num(x(current), 1)}" y="${PAD.top - 9}" text-anchor="middle" font-size="10" fill="#1d2330">this run</text>`;
  const axis = `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}" stroke="#c8ccd2"/>`
    + `<text x="${PAD.left - 4}" y="${num(y(top), 1)}" text-anchor="end" font-size="10" dominant-baseline="hanging">${esc(num(top, 0))}</text>`
    + `<text x="${PAD.left - 4}" y="${H - PAD.bottom}" text-anchor="end" font-size="10">${esc(num(bottom, 0))}</text>`
    + `<text x="${PAD.left}" y="${H - 6}" font-size="10" fill="#6a717d">${esc(`${slots} run${slots === 1 ? '' : 's'}, oldest first (${unit})`)}</text>`;
  const legend = series.length > 1 ? `<div class="legend">${series.map((s) => `<span><i style="background:${esc(s.color)}"></i>${esc(s.label)}</span>`).join('')}</div>` : '';
  return `<figure class="trend" id="${esc(id)}"><figcaption>${esc(title)}</figcaption>`
    + `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`${title}, ${slots} runs, this run marked`)}">${axis}${mark}${lines.join('')}</svg>${legend}</figure>`;
}
