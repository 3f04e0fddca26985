import { z } from 'zod';
import { AVATARS, PICTURES, SEQUENCE_LENGTH } from '../auth/login-cards.js';

/**
 * A class's login cards as a page to print (A4, eight cards a sheet, cut along the lines): the
 * child's first name and avatar, the class code, and its pictures in order, each drawn and named.
 * Cards are shown once, by enrollStudents or resetLoginCard (the service keeps only a slow hash
 * of each sequence), so the page is made from that answer, saved as JSON:
 *   npm run cards -- --in enrolment.json --out cards.html
 */
const EMOJI: Record<string, string> = {
  chat: '🐱', chien: '🐶', lapin: '🐰', poisson: '🐟', oiseau: '🐦', cheval: '🐴', vache: '🐮', cochon: '🐷',
  soleil: '☀️', lune: '🌙', étoile: '⭐', fleur: '🌸', arbre: '🌳', maison: '🏠', bateau: '⛵', ballon: '🎈',
  renard: '🦊', hibou: '🦉', ours: '🐻', tortue: '🐢', lion: '🦁', girafe: '🦒', panda: '🐼', koala: '🐨',
  pingouin: '🐧', grenouille: '🐸', abeille: '🐝', papillon: '🦋', dauphin: '🐬', écureuil: '🐿️', hérisson: '🦔', zèbre: '🦓',
};

const card = z.object({
  classCode: z.string().min(1).max(40),
  pictures: z.array(z.number().int().min(0).max(PICTURES.length - 1)).length(SEQUENCE_LENGTH),
  student: z.object({ firstName: z.string().min(1).max(80), avatar: z.enum(AVATARS) }),
});
export type PrintedCard = z.infer<typeof card>;

/** The cards in an enrollStudents or resetLoginCard answer (the whole response, its data, or the list). */
export function cardsFrom(json: unknown): PrintedCard[] {
  const data = (json as { data?: unknown } | null)?.data ?? json;
  const found = (data as { enrollStudents?: unknown; resetLoginCard?: unknown } | null) ?? {};
  const list = Array.isArray(data) ? data : found.enrollStudents ?? (found.resetLoginCard ? [found.resetLoginCard] : undefined);
  if (!Array.isArray(list)) throw new Error('expected the answer of enrollStudents or resetLoginCard, with classCode, pictures and student { firstName avatar }');
  return list.map((c, i) => {
    const parsed = card.safeParse(c);
    if (!parsed.success) throw new Error(`card ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'card'}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The printable page. */
export function loginCardsPage(cards: readonly PrintedCard[]): string {
  const body = cards
    .map((c) => {
      const pictures = c.pictures
        .map((p, i) => `<li><span class="n">${i + 1}</span><span class="e">${EMOJI[PICTURES[p]!]}</span><span class="w">${escape(PICTURES[p]!)}</span></li>`)
        .join('');
      return `<section class="card"><h2><span class="e">${EMOJI[c.student.avatar]}</span> ${escape(c.student.firstName)}</h2><p class="code">Code de la classe : <b>${escape(c.classCode)}</b></p><p>Mes images, dans l'ordre :</p><ol>${pictures}</ol></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Cartes de connexion</title>
<style>
@page { size: A4; margin: 10mm; }
body { font-family: system-ui, sans-serif; margin: 0; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
.card { border: 1px dashed #888; padding: 6mm; height: 62mm; box-sizing: border-box; break-inside: avoid; }
h2 { margin: 0 0 2mm; font-size: 20pt; }
.code { margin: 0 0 2mm; font-size: 12pt; }
ol { list-style: none; display: flex; gap: 4mm; padding: 0; margin: 0; }
li { display: flex; flex-direction: column; align-items: center; width: 20mm; }
.n { font-size: 10pt; color: #555; }
li .e { font-size: 28pt; }
.w { font-size: 10pt; }
</style></head>
<body><main>
${body}
</main></body></html>
`;
}
