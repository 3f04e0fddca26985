/**
 * A line chart as a standalone SVG file: lines over a shared x axis, with a left and an optional
 * right y axis, grid, legend and labelled vertical markers. Written by hand (a few dozen elements)
 * so the report opens in any browser without a charting dependency.
 */
export interface Series {
  name: string;
  color: string;
  axis: 'left' | 'right';
  points: readonly (readonly [number, number])[];
  dashed?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  leftLabel: string;
  rightLabel?: string;
  series: readonly Series[];
  markers?: readonly { x: number; label: string }[];
  width?: number;
  height?: number;
}

/** Round tick values (1, 2 or 5 times a power of ten apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max <= min) max = min + 1;
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= Math.ceil(max / step) * step + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  return ticks;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 1500 -> "1.5k", 0.25 -> "0.25": short enough for an axis. */
export function formatTick(v: number): string {
  if (Math.abs(v) >= 1000) return `${Number((v / 1000).toFixed(1))}k`;
  return String(Number(v.toFixed(2)));
}

export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 900;
  const height = spec.height ?? 420;
  const hasRight = spec.series.some((s) => s.axis === 'right');
  const m = { left: 70, right: hasRight ? 70 : 24, top: 44, bottom: 84 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;

  const all = spec.series.flatMap((s) => s.points);
  const xs = niceTicks(Math.min(0, ...all.map((p) => p[0])), Math.max(1, ...all.map((p) => p[0])), 8);
  const yTicks = (axis: 'left' | 'right') => niceTicks(0, Math.max(0, ...spec.series.filter((s) => s.axis === axis).flatMap((s) => s.points.map((p) => p[1]))), 5);
  const left = yTicks('left');
  const right = hasRight ? yTicks('right') : [];
  const [x0, x1] = [xs[0]!, xs.at(-1)!];
  const sx = (x: number) => m.left + ((x - x0) / (x1 - x0)) * plotW;
  const sy = (ticks: number[]) => (y: number) => m.top + plotH - ((y - ticks[0]!) / (ticks.at(-1)! - ticks[0]!)) * plotH;
  const syLeft = sy(left);
  const syRight = hasRight ? sy(right) : syLeft;
  const n = (v: number) => v.toFixed(1);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(spec.title)}</text>`,
  ];
  for (const t of left) {
    out.push(`<line x1="${m.left}" x2="${m.left + plotW}" y1="${n(syLeft(t))}" y2="${n(syLeft(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 8}" y="${n(syLeft(t) + 4)}" text-anchor="end" fill="#444">${formatTick(t)}</text>`);
  }
  for (const t of right) out.push(`<text x="${m.left + plotW + 8}" y="${n(syRight(t) + 4)}" fill="#444">${formatTick(t)}</text>`);
  for (const t of xs) {
    out.push(`<line x1="${n(sx(t))}" x2="${n(sx(t))}" y1="${m.top + plotH}" y2="${m.top + plotH + 5}" stroke="#888"/>`);
    out.push(`<text x="${n(sx(t))}" y="${m.top + plotH + 19}" text-anchor="middle" fill="#444">${formatTick(t)}</text>`);
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${m.left + plotW / 2}" y="${m.top + plotH + 40}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.leftLabel)}</text>`);
  if (hasRight && spec.rightLabel) out.push(`<text transform="translate(${width - 14} ${m.top + plotH / 2}) rotate(90)" text-anchor="middle">${escapeXml(spec.rightLabel)}</text>`);

  for (const marker of spec.markers ?? []) {
    const x = n(sx(marker.x));
    out.push(`<line x1="${x}" x2="${x}" y1="${m.top}" y2="${m.top + plotH}" stroke="#999" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${Number(x) + 4}" y="${m.top + 12}" fill="#555" font-size="11">${escapeXml(marker.label)}</text>`);
  }
  for (const s of spec.series) {
    if (s.points.length === 0) continue;
    const y = s.axis === 'right' ? syRight : syLeft;
    const points = s.points.map(([px, py]) => `${n(sx(px))},${n(y(py))}`).join(' ');
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5 3"' : ''} points="${points}"><title>${escapeXml(s.name)}</title></polyline>`);
  }
  let lx = m.left;
  for (const s of spec.series) {
    const ly = height - 16;
    out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    out.push(`<text x="${lx + 27}" y="${ly}">${escapeXml(s.name)}${hasRight ? (s.axis === 'right' ? ' (right)' : ' (left)') : ''}</text>`);
    lx += 44 + 7 * s.name.length + (hasRight ? 42 : 0);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
