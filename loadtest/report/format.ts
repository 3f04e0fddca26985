/** Number formats shared by the console and the Markdown report. */
export const ms = (v: number) => v.toFixed(1);
export const rate = (v: number) => v.toFixed(1);
export const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a');
export const share = (v: number) => `${(v * 100).toFixed(v > 0 && v < 0.01 ? 2 : 1)} %`;
