/** Annotated sentences for the grammar modules: word classes, homophones, subjects, functions. */

/** Words tagged N (nom), V (verbe), D (déterminant), A (adjectif), X (anything else). */
export const TAGGED: readonly string[] = [
  'Le:D petit:A chat:N mange:V une:D souris:N',
  'Ma:D grande:A sœur:N lit:V un:D livre:N',
  'Les:D enfants:N jouent:V dans:X la:D cour:N',
  'Papa:N prépare:V une:D bonne:A soupe:N',
  'Le:D chien:N noir:A court:V vite:X',
  'Une:D jolie:A fleur:N pousse:V dans:X le:D jardin:N',
  'Mon:D frère:N porte:V un:D pull:N rouge:A',
  'Les:D oiseaux:N chantent:V le:D matin:N',
  'La:D maîtresse:N écrit:V une:D longue:A phrase:N',
  'Lucas:N dessine:V un:D grand:A bateau:N',
  'Le:D boulanger:N vend:V du:D pain:N frais:A',
  'Ma:D tante:N habite:V une:D petite:A maison:N',
  'Le:D vieux:A loup:N dort:V',
  'Ces:D élèves:N rangent:V leurs:D cahiers:N',
];

export const NATURE: Record<string, string> = { N: 'un nom', V: 'un verbe', D: 'un déterminant', A: 'un adjectif' };

/** [choices, sentences with ___ and the right word]. */
export const HOMOPHONES: Record<string, readonly [readonly string[], readonly (readonly [string, string])[]]> = {
  'a/à': [['a', 'à'], [
    ['Léo ___ un vélo rouge.', 'a'], ['Nous allons ___ la piscine.', 'à'], ['Ma sœur ___ sept ans.', 'a'], ['Il habite ___ Paris.', 'à'],
    ['Le chat ___ faim.', 'a'], ['Je joue ___ la marelle.', 'à'], ['Lina ___ perdu sa gomme.', 'a'], ['Il va ___ l\'école en bus.', 'à'],
    ['Papa ___ une voiture bleue.', 'a'], ['Elle offre des fleurs ___ sa maman.', 'à'], ['Mon oncle ___ un grand jardin.', 'a'],
    ['Nous mangeons ___ midi.', 'à'], ['Tom ___ mal au ventre.', 'a'], ['C\'est une glace ___ la fraise.', 'à'],
  ]],
  'et/est': [['et', 'est'], [
    ['Le ciel ___ bleu.', 'est'], ['Léa ___ Hugo jouent ensemble.', 'et'], ['Mon chien ___ très gentil.', 'est'],
    ['J\'aime les pommes ___ les poires.', 'et'], ['Elle ___ partie à la plage.', 'est'], ['Il prend son sac ___ son manteau.', 'et'],
    ['La soupe ___ chaude.', 'est'], ['Le chat ___ le chien dorment.', 'et'], ['Ce livre ___ passionnant.', 'est'],
    ['Nous avons un chat ___ un lapin.', 'et'],
  ]],
  'son/sont': [['son', 'sont'], [
    ['Les enfants ___ dans la cour.', 'sont'], ['Hugo range ___ cartable.', 'son'], ['Mes parents ___ au travail.', 'sont'],
    ['Elle cherche ___ manteau.', 'son'], ['Les fleurs ___ fanées.', 'sont'], ['Il promène ___ chien.', 'son'],
    ['Ces gâteaux ___ délicieux.', 'sont'], ['Lina prête ___ vélo à Tom.', 'son'],
  ]],
  'ou/où': [['ou', 'où'], [
    ['Veux-tu du lait ___ du jus ?', 'ou'], ['Je ne sais pas ___ est mon livre.', 'où'], ['Tu préfères la mer ___ la montagne ?', 'ou'],
    ['La ville ___ j\'habite est grande.', 'où'], ['Il viendra lundi ___ mardi.', 'ou'], ['C\'est le jardin ___ nous jouons.', 'où'],
    ['Prends un crayon ___ un stylo.', 'ou'], ['Dis-moi ___ tu vas.', 'où'],
  ]],
  'on/ont': [['on', 'ont'], [
    ['Mes amis ___ gagné le match.', 'ont'], ['Ce soir, ___ regarde un film.', 'on'], ['Les oiseaux ___ construit un nid.', 'ont'],
    ['Demain, ___ ira au cinéma.', 'on'], ['Mes cousins ___ un chien.', 'ont'], ['Quand il pleut, ___ reste à la maison.', 'on'],
    ['Les élèves ___ fini leur travail.', 'ont'], ['À la récréation, ___ joue au ballon.', 'on'],
  ]],
  'ces/ses': [['ces', 'ses'], [
    ['Léa range ___ jouets dans sa chambre.', 'ses'], ['Regarde ___ nuages noirs là-bas !', 'ces'], ['Il a oublié ___ lunettes chez lui.', 'ses'],
    ['J\'aime beaucoup ___ chaussures-ci.', 'ces'], ['Le roi protège ___ sujets.', 'ses'], ['Prends ___ gants-là, ils sont plus chauds.', 'ces'],
  ]],
  'c\'est/s\'est': [['c\'est', 's\'est'], [
    ['Il ___ levé tôt ce matin.', 's\'est'], ['Demain, ___ mon anniversaire.', 'c\'est'], ['Elle ___ cachée derrière l\'arbre.', 's\'est'],
    ['Je crois que ___ la bonne réponse.', 'c\'est'], ['Le chat ___ endormi au soleil.', 's\'est'], ['Regarde, ___ un arc-en-ciel !', 'c\'est'],
  ]],
};

/** [sentence, verb, subject, wrong answers, tier]. */
export const SUBJECTS: readonly [string, string, string, readonly string[], 0 | 1 | 2][] = [
  ['Le vent souffle très fort ce soir.', 'souffle', 'Le vent', ['ce soir', 'très fort'], 0],
  ['Nous irons à la piscine samedi.', 'irons', 'Nous', ['la piscine', 'samedi'], 0],
  ['Elles jouent au ballon dans le jardin.', 'jouent', 'Elles', ['au ballon', 'le jardin'], 0],
  ['Les touristes visitent le château.', 'visitent', 'Les touristes', ['le château', 'visitent'], 0],
  ['Le chat de ma voisine attrape une souris.', 'attrape', 'Le chat de ma voisine', ['une souris', 'ma voisine'], 1],
  ['Chaque matin, mon père prépare le café.', 'prépare', 'mon père', ['Chaque matin', 'le café'], 1],
  ['Les feuilles des arbres tombent en automne.', 'tombent', 'Les feuilles des arbres', ['en automne', 'des arbres'], 1],
  ['Le boulanger du village cuit le pain.', 'cuit', 'Le boulanger du village', ['le pain', 'du village'], 1],
  ['Tous les soirs, ma grand-mère lit une histoire.', 'lit', 'ma grand-mère', ['Tous les soirs', 'une histoire'], 1],
  ['Au fond de la forêt vivent des loups.', 'vivent', 'des loups', ['la forêt', 'Au fond'], 2],
  ['Sous le vieux pont coule une rivière.', 'coule', 'une rivière', ['le vieux pont', 'Sous le vieux pont'], 2],
  ['Dans le ciel brillent mille étoiles.', 'brillent', 'mille étoiles', ['le ciel', 'Dans le ciel'], 2],
  ['Dans la rue passe un camion de pompiers.', 'passe', 'un camion de pompiers', ['la rue', 'Dans la rue'], 2],
];

export const FUNCTIONS = {
  S: 'sujet',
  COD: 'complément d\'objet direct (COD)',
  COI: 'complément d\'objet indirect (COI)',
  CC: 'complément circonstanciel',
  ATT: 'attribut du sujet',
} as const;

/** [sentence, group, function key, tier]. */
export const FUNCTION_GROUPS: readonly [string, string, keyof typeof FUNCTIONS, 0 | 1 | 2][] = [
  ['Le facteur apporte une lettre.', 'Le facteur', 'S', 0],
  ['Le facteur apporte une lettre.', 'une lettre', 'COD', 0],
  ['Le chat regarde les oiseaux.', 'les oiseaux', 'COD', 0],
  ['Ce matin, Léa a mangé une pomme.', 'une pomme', 'COD', 0],
  ['Ce matin, Léa a mangé une pomme.', 'Léa', 'S', 0],
  ['Ce matin, Léa a mangé une pomme.', 'Ce matin', 'CC', 1],
  ['Les enfants jouent dans le parc.', 'dans le parc', 'CC', 1],
  ['Les hirondelles reviennent au printemps.', 'au printemps', 'CC', 1],
  ['Mon oncle parle à ses voisins.', 'à ses voisins', 'COI', 1],
  ['Nous pensons à nos vacances.', 'à nos vacances', 'COI', 1],
  ['Lucas obéit à ses parents.', 'à ses parents', 'COI', 2],
  ['Avec prudence, le pompier entre dans la maison.', 'Avec prudence', 'CC', 2],
  ['Ce gâteau semble délicieux.', 'délicieux', 'ATT', 2],
  ['Ma sœur est devenue médecin.', 'médecin', 'ATT', 2],
  ['Cet élève est très attentif.', 'très attentif', 'ATT', 2],
];
