/** Word lists for the French modules: sounds, syllables, genders, plurals, feminines, synonyms. */

/** A word and the sounds (as written in class: « ou », « on »...) a child hears in it. */
export const SOUND_WORDS: readonly [string, readonly string[]][] = [
  ['chat', ['ch', 'a']], ['vache', ['ch', 'a']], ['chocolat', ['ch', 'o', 'a']], ['niche', ['ch', 'i']], ['cheval', ['ch', 'a']],
  ['loup', ['ou']], ['poule', ['ou']], ['roue', ['ou']], ['soupe', ['ou']], ['hibou', ['ou', 'i']], ['genou', ['ou']],
  ['pont', ['on']], ['ballon', ['a', 'on']], ['bonbon', ['on']], ['lion', ['i', 'on']], ['savon', ['a', 'on']], ['melon', ['on']],
  ['maman', ['a', 'an']], ['enfant', ['an']], ['lampe', ['an']], ['dent', ['an']], ['orange', ['o', 'an']], ['tante', ['an']],
  ['lapin', ['a', 'in']], ['sapin', ['a', 'in']], ['jardin', ['a', 'in']], ['main', ['in']], ['pain', ['in']], ['train', ['in']],
  ['roi', ['oi']], ['étoile', ['é', 'oi']], ['voiture', ['oi', 'u']], ['noix', ['oi']], ['poire', ['oi']], ['boîte', ['oi']],
  ['bébé', ['é']], ['école', ['é', 'o']], ['café', ['a', 'é']], ['fée', ['é']], ['vélo', ['é', 'o']], ['épée', ['é']],
  ['lune', ['u']], ['tortue', ['o', 'u']], ['mur', ['u']], ['jupe', ['u']], ['plume', ['u']],
  ['robot', ['o']], ['moto', ['o']], ['domino', ['o', 'i']], ['piano', ['i', 'a', 'o']], ['radis', ['a', 'i']], ['tapis', ['a', 'i']],
];
export const SOUNDS_EASY = ['a', 'i', 'o', 'u', 'é'];
export const SOUNDS_HARD = ['ch', 'ou', 'on', 'an', 'in', 'oi'];

/** Written syllables and a clue, so that only one word can be meant. */
export const SYLLABLE_WORDS: readonly [readonly string[], string][] = [
  [['la', 'pin'], 'un animal aux longues oreilles'],
  [['vé', 'lo'], 'il a deux roues et des pédales'],
  [['sa', 'pin'], 'un arbre que l\'on décore à Noël'],
  [['mou', 'ton'], 'un animal couvert de laine'],
  [['cha', 'peau'], 'on le porte sur la tête'],
  [['jar', 'din'], 'on y fait pousser des fleurs'],
  [['ca', 'deau'], 'on l\'offre pour un anniversaire'],
  [['ba', 'na', 'ne'], 'un fruit jaune et courbé'],
  [['to', 'ma', 'te'], 'un fruit rouge que l\'on met dans la salade'],
  [['cho', 'co', 'lat'], 'une friandise au cacao'],
  [['ca', 'na', 'pé'], 'on s\'y assoit dans le salon'],
  [['pa', 'ra', 'pluie'], 'il nous protège de la pluie'],
  [['pi', 'ra', 'te'], 'il navigue pour trouver des trésors'],
  [['do', 'mi', 'no'], 'un jeu de petites plaques à points'],
  [['ta', 'bou', 'ret'], 'un siège sans dossier'],
  [['cro', 'co', 'di', 'le'], 'un reptile aux grandes dents'],
  [['té', 'lé', 'pho', 'ne'], 'il sert à appeler quelqu\'un'],
  [['di', 'no', 'sau', 're'], 'un animal qui a disparu il y a très longtemps'],
  [['or', 'di', 'na', 'teur'], 'une machine avec un écran et un clavier'],
  [['coc', 'ci', 'nel', 'le'], 'un petit insecte rouge à points noirs'],
  [['hé', 'li', 'cop', 'tè', 're'], 'il vole grâce à ses hélices'],
  [['lo', 'co', 'mo', 'ti', 've'], 'elle tire les wagons du train'],
];

/** Short sentences whose words can go in one order only. */
export const SENTENCES_SHORT: readonly string[] = [
  'Le chat dort.', 'Papa lit un livre.', 'Léo joue au ballon.', 'La poule pond un œuf.', 'Maman prépare une tarte.',
  'Le chien court vite.', 'Lina mange une pomme.', 'Les oiseaux chantent.', 'Je vais à l\'école.', 'Tom a un vélo rouge.',
  'Mon frère a sept ans.', 'Il pleut ce matin.', 'Le bébé boit son lait.', 'Nous jouons dans la cour.',
];
export const SENTENCES_LONG: readonly string[] = [
  'Le petit chat gris dort sur un coussin.', 'Chaque matin, Léa prend le bus pour aller à l\'école.',
  'Les enfants construisent une grande cabane.', 'Mon grand-père cultive des tomates rouges.',
  'Pendant les vacances, nous irons à la mer.', 'La maîtresse raconte une histoire de pirates.',
  'Hier soir, un orage a éclaté.', 'Le boulanger prépare du pain frais.',
  'Mes cousins habitent une vieille ferme.', 'Au printemps, les hirondelles reviennent d\'Afrique.',
  'Le chevalier protège son château fort.', 'Ma sœur apprend à nager.',
  'Demain, notre classe visitera un musée.', 'Les abeilles butinent des fleurs parfumées.',
];

/** Sentences with a subordinate clause (CM2); punctuation stays on its word, which fixes the order. */
export const SENTENCES_COMPLEX: readonly string[] = [
  'Quand la cloche sonne, les élèves rejoignent leur classe.', 'Le chien aboie parce qu\'il a entendu un bruit.',
  'Si tu termines tes devoirs, nous irons au cinéma.', 'Pendant que maman cuisine, papa met la table.',
  'Le musée que nous avons visité était immense.', 'Dès que la pluie cessera, nous sortirons jouer.',
  'Comme il faisait froid, Hugo a mis son écharpe.', 'Mon frère, qui adore la musique, joue du piano.',
  'Lorsque la nuit tombe, les étoiles apparaissent.', 'Bien qu\'il soit fatigué, Nathan termine sa course.',
  'Puisqu\'il pleut, nous resterons à la maison.',
];

/** Nouns with their gender, for un / une and le / la / l'. */
export const NOUNS: readonly [string, 'm' | 'f'][] = [
  ['chat', 'm'], ['maison', 'f'], ['vélo', 'm'], ['pomme', 'f'], ['chien', 'm'], ['fleur', 'f'], ['ballon', 'm'], ['table', 'f'],
  ['livre', 'm'], ['voiture', 'f'], ['gâteau', 'm'], ['poule', 'f'], ['crayon', 'm'], ['fourchette', 'f'], ['lapin', 'm'],
  ['souris', 'f'], ['arbre', 'm'], ['étoile', 'f'], ['oiseau', 'm'], ['école', 'f'], ['ours', 'm'], ['orange', 'f'],
  ['avion', 'm'], ['île', 'f'], ['escargot', 'm'], ['horloge', 'f'], ['hibou', 'm'], ['armoire', 'f'],
];

export function startsWithVowel(word: string): boolean {
  // The h of these words is silent (l'horloge); h aspiré words like hibou take le.
  return /^[aeéèêiîouy]/.test(word) || word === 'horloge';
}

/** Singular -> plural, from regular to the exceptions in -al, -ou, -eau, -eu. */
export const PLURALS: readonly [string, string, 0 | 1 | 2][] = [
  ['chat', 'chats', 0], ['livre', 'livres', 0], ['fleur', 'fleurs', 0], ['table', 'tables', 0], ['ami', 'amis', 0], ['arbre', 'arbres', 0],
  ['crayon', 'crayons', 0], ['pomme', 'pommes', 0], ['vélo', 'vélos', 0], ['feu', 'feux', 1], ['château', 'châteaux', 1], ['neveu', 'neveux', 1],
  ['bateau', 'bateaux', 1], ['gâteau', 'gâteaux', 1], ['oiseau', 'oiseaux', 1], ['chapeau', 'chapeaux', 1], ['jeu', 'jeux', 1], ['cheveu', 'cheveux', 1],
  ['cheval', 'chevaux', 2], ['journal', 'journaux', 2], ['animal', 'animaux', 2], ['hôpital', 'hôpitaux', 2], ['bijou', 'bijoux', 2],
  ['caillou', 'cailloux', 2], ['genou', 'genoux', 2], ['hibou', 'hiboux', 2], ['chou', 'choux', 2], ['clou', 'clous', 2], ['trou', 'trous', 2],
];

/** Masculine -> feminine adjectives, from « + e » to the irregular ones. */
export const FEMININES: readonly [string, string, 0 | 1 | 2][] = [
  ['petit', 'petite', 0], ['grand', 'grande', 0], ['content', 'contente', 0], ['joli', 'jolie', 0], ['noir', 'noire', 0], ['vert', 'verte', 0],
  ['gris', 'grise', 0], ['bleu', 'bleue', 0], ['fort', 'forte', 0], ['haut', 'haute', 0], ['lourd', 'lourde', 0],
  ['léger', 'légère', 1], ['fier', 'fière', 1], ['premier', 'première', 1], ['heureux', 'heureuse', 1], ['joyeux', 'joyeuse', 1],
  ['curieux', 'curieuse', 1], ['sportif', 'sportive', 1], ['neuf', 'neuve', 1], ['peureux', 'peureuse', 1], ['dernier', 'dernière', 1],
  ['gros', 'grosse', 2], ['gentil', 'gentille', 2], ['bon', 'bonne', 2], ['ancien', 'ancienne', 2], ['cruel', 'cruelle', 2],
  ['beau', 'belle', 2], ['vieux', 'vieille', 2], ['blanc', 'blanche', 2], ['doux', 'douce', 2], ['long', 'longue', 2], ['frais', 'fraîche', 2],
];

/** Noun groups in the singular and the plural. */
export const NOUN_GROUPS: readonly [string, string, 0 | 1 | 2][] = [
  ['un chat noir', 'des chats noirs', 0], ['une fleur rouge', 'des fleurs rouges', 0], ['un livre épais', 'des livres épais', 0],
  ['une robe bleue', 'des robes bleues', 0], ['un crayon cassé', 'des crayons cassés', 0], ['une chemise propre', 'des chemises propres', 0],
  ['un garçon poli', 'des garçons polis', 0], ['un bateau blanc', 'des bateaux blancs', 1], ['un gâteau délicieux', 'des gâteaux délicieux', 1],
  ['un jeu amusant', 'des jeux amusants', 1], ['un oiseau bleu', 'des oiseaux bleus', 1], ['une souris grise', 'des souris grises', 1],
  ['un cheval noir', 'des chevaux noirs', 2], ['un animal sauvage', 'des animaux sauvages', 2], ['un journal régional', 'des journaux régionaux', 2],
  ['un genou écorché', 'des genoux écorchés', 2], ['un bijou précieux', 'des bijoux précieux', 2], ['un chou vert', 'des choux verts', 2],
];

/** [word, synonym, antonym, other words of the same field as distractors]. */
export const MEANINGS: readonly [string, string, string, readonly string[]][] = [
  ['rapide', 'vif', 'lent', ['grand', 'bruyant', 'petit']],
  ['content', 'joyeux', 'triste', ['fatigué', 'grand', 'curieux']],
  ['grand', 'immense', 'petit', ['rapide', 'joli', 'lourd']],
  ['commencer', 'débuter', 'finir', ['manger', 'courir', 'chercher']],
  ['chaud', 'brûlant', 'froid', ['sec', 'mouillé', 'lourd']],
  ['facile', 'simple', 'difficile', ['rapide', 'long', 'joli']],
  ['gentil', 'aimable', 'méchant', ['bruyant', 'grand', 'rapide']],
  ['crier', 'hurler', 'chuchoter', ['regarder', 'tourner', 'porter']],
  ['propre', 'net', 'sale', ['neuf', 'léger', 'plein']],
  ['courageux', 'brave', 'peureux', ['bavard', 'gourmand', 'poli']],
  ['vieux', 'âgé', 'jeune', ['sombre', 'bavard', 'lent']],
  ['monter', 'grimper', 'descendre', ['sauter', 'nager', 'dormir']],
  ['riche', 'fortuné', 'pauvre', ['célèbre', 'vieux', 'gentil']],
  ['sombre', 'obscur', 'clair', ['froid', 'humide', 'vide']],
];

/** Opposites made with a prefix (CM2 vocabulary). */
export const PREFIX_OPPOSITES: readonly [string, string, 0 | 1 | 2][] = [
  ['possible', 'impossible', 0], ['poli', 'impoli', 0], ['patient', 'impatient', 0], ['content', 'mécontent', 0], ['faire', 'défaire', 0],
  ['heureux', 'malheureux', 1], ['honnête', 'malhonnête', 1], ['visible', 'invisible', 1], ['connu', 'inconnu', 1], ['coller', 'décoller', 1],
  ['lisible', 'illisible', 2], ['légal', 'illégal', 2], ['responsable', 'irresponsable', 2], ['régulier', 'irrégulier', 2], ['agréable', 'désagréable', 2],
  ['obéir', 'désobéir', 2], ['habiller', 'déshabiller', 2],
];
