import { describe, expect, it } from 'vitest';
import { cardsFrom, loginCardsPage } from './login-cards-page.js';

const answer = {
  data: {
    enrollStudents: [
      { classCode: 'K7PQ-3MZX', pictures: [3, 7, 12, 0], student: { id: '1', firstName: 'Léa', avatar: 'renard' } },
      { classCode: 'K7PQ-3MZX', pictures: [15, 1, 2, 9], student: { id: '2', firstName: '<Tom & "Jo">', avatar: 'hérisson' } },
    ],
  },
};

describe('login cards page', () => {
  it('prints each child with its avatar, the class code and its pictures in order, named', () => {
    const page = loginCardsPage(cardsFrom(answer));
    expect(page.match(/<section class="card">/g)).toHaveLength(2);
    const lea = page.slice(page.indexOf('Léa'), page.indexOf('</section>'));
    expect(lea).toContain('K7PQ-3MZX');
    expect([...lea.matchAll(/<span class="w">([^<]+)<\/span>/g)].map((m) => m[1])).toEqual(['poisson', 'cochon', 'arbre', 'chat']);
    expect(page).toContain('&#60;Tom &#38; &#34;Jo&#34;&#62;'); // a name is text, never markup
    expect(page).not.toContain('<Tom');
  });

  it("takes a resetLoginCard answer, and refuses what is not a card, saying where", () => {
    expect(cardsFrom({ data: { resetLoginCard: answer.data.enrollStudents[0] } })).toHaveLength(1);
    expect(() => cardsFrom({ data: { students: [] } })).toThrow(/enrollStudents or resetLoginCard/);
    expect(() => cardsFrom([{ ...answer.data.enrollStudents[0], pictures: [1, 2, 16, 3] }])).toThrow(/card 0: pictures\.2/);
  });
});
