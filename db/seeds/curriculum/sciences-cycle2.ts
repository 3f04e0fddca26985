import { ask, classify, type Fact, type Maker, moduleOf, sequence, write } from './bank.js';
import { deLe, type ModuleSpec, qcm } from './util.js';

/** Questionner le monde du vivant, de la matière et des objets (CP, CE1, CE2). */

const mod = moduleOf('SCIENCES');

const SEASONS = ['l\'automne', 'l\'hiver', 'le printemps', 'l\'été'];
const seasonOrder: Maker[] = SEASONS.map((_, start) => ({ rng }) => {
  const labels = [...SEASONS.slice(start), ...SEASONS.slice(0, start)];
  return sequence(rng, 'Les saisons', `Range les saisons dans l'ordre, en commençant par ${labels[0]}.`, labels, 4, true);
});

const MOVES: readonly (readonly [string, string])[] = [
  ['le serpent', 'en rampant'], ['le ver de terre', 'en rampant'], ['l\'escargot', 'en rampant'], ['l\'aigle', 'en volant'],
  ['le papillon', 'en volant'], ['l\'hirondelle', 'en volant'], ['le requin', 'en nageant'], ['le poisson rouge', 'en nageant'],
  ['le kangourou', 'en sautant'], ['la puce', 'en sautant'], ['l\'éléphant', 'en marchant'], ['la vache', 'en marchant'],
];
const moves: Maker[] = MOVES.map(([animal, move]) => ({ rng }) =>
  qcm(rng, 'Comment se déplacent les animaux', `Comment se déplace ${animal} ?`, move, ['en rampant', 'en volant', 'en nageant', 'en sautant', 'en marchant']));

const COVERS: readonly (readonly [string, string])[] = [
  ['de l\'oiseau', 'des plumes'], ['de la poule', 'des plumes'], ['du poisson', 'des écailles'], ['du lézard', 'des écailles'],
  ['du chien', 'des poils'], ['de l\'ours', 'des poils'], ['du lapin', 'des poils'], ['du serpent', 'des écailles'],
];
const covers: Maker[] = COVERS.map(([animal, cover]) => ({ rng }) =>
  qcm(rng, 'Le corps des animaux', `De quoi le corps ${animal} est-il couvert ?`, cover, ['des plumes', 'des écailles', 'des poils']));

const PLANT_GROWTH = ['la graine', 'la jeune pousse', 'la plante avec des feuilles', 'la fleur', 'le fruit'];

const WATER_STATES: readonly (readonly [string, string])[] = [
  ['un glaçon', 'solide'], ['la neige', 'solide'], ['la glace d\'une patinoire', 'solide'], ['le givre', 'solide'], ['la grêle', 'solide'],
  ['l\'eau du robinet', 'liquide'], ['la pluie', 'liquide'], ['l\'eau de la mer', 'liquide'], ['la buée sur une vitre', 'liquide'], ['la rosée du matin', 'liquide'],
];
const waterState: Maker[] = WATER_STATES.map(([thing, state]) => ({ rng }) =>
  qcm(rng, 'Les états de l\'eau', `Dans quel état est l'eau dans ${thing} ?`, state, ['solide', 'liquide', 'gazeuse']));

const DIETS: readonly (readonly [string, string, number])[] = [
  ['le lapin', 'herbivore', 0], ['la vache', 'herbivore', 0], ['le mouton', 'herbivore', 0], ['la girafe', 'herbivore', 0], ['le cheval', 'herbivore', 0],
  ['le lion', 'carnivore', 0], ['le loup', 'carnivore', 0], ['le requin', 'carnivore', 0], ['le tigre', 'carnivore', 0], ['l\'aigle', 'carnivore', 0], ['la chouette', 'carnivore', 0],
  ['l\'ours brun', 'omnivore', 1], ['le sanglier', 'omnivore', 1], ['le cochon', 'omnivore', 1], ['la poule', 'omnivore', 1], ['le renard', 'omnivore', 1], ['l\'être humain', 'omnivore', 1],
];
const diet = (maxLevel: number): Maker[] => DIETS.filter((d) => d[2] <= maxLevel).map(([animal, d]) => ({ rng }) =>
  qcm(rng, 'Les régimes alimentaires', `Quel est le régime alimentaire ${deLe(animal)} ?`, d, ['herbivore', 'carnivore', 'omnivore']));

const BABIES: readonly Fact[] = [
  ['Comment s\'appelle le petit de la grenouille ?', 'le têtard', ['le poussin', 'le chaton', 'l\'agneau']],
  ['Comment s\'appelle le petit de la poule ?', 'le poussin', ['le têtard', 'le veau', 'le poulain']],
  ['Comment s\'appelle le petit de la vache ?', 'le veau', ['le poulain', 'l\'agneau', 'le chiot']],
  ['Comment s\'appelle le petit du cheval ?', 'le poulain', ['le veau', 'le chevreau', 'le lapereau']],
  ['Comment s\'appelle le petit du mouton ?', 'l\'agneau', ['le chevreau', 'le veau', 'le poussin']],
  ['Comment s\'appelle la larve du papillon ?', 'la chenille', ['le têtard', 'l\'asticot', 'le ver de terre']],
  ['Comment s\'appelle le petit du lapin ?', 'le lapereau', ['le chaton', 'le poulain', 'l\'agneau']],
];

const CYCLES: readonly (readonly [string, readonly string[]])[] = [
  ['de la grenouille', ['l\'œuf', 'le têtard', 'le têtard avec des pattes', 'la jeune grenouille', 'la grenouille adulte']],
  ['du papillon', ['l\'œuf', 'la chenille', 'la chrysalide', 'le papillon']],
  ['de la poule', ['l\'œuf', 'le poussin', 'la poulette', 'la poule']],
  ['du haricot', ['la graine', 'la germination', 'la jeune pousse', 'la plante en fleurs', 'la gousse']],
  ['de l\'être humain', ['le bébé', 'l\'enfant', 'l\'adolescent', 'l\'adulte', 'la personne âgée']],
];
const cycle = (size: number): Maker[] => CYCLES.map(([who, steps]) => ({ rng }) =>
  sequence(rng, 'Les cycles de vie', `Remets dans l'ordre les étapes du cycle de vie ${who}.`, steps, size));

const FOOD_FAMILIES = {
  fl: 'les fruits et légumes', fe: 'les féculents', pl: 'les produits laitiers', vpo: 'la viande, le poisson et les œufs', mg: 'les matières grasses', ps: 'les produits sucrés',
} as const;
const FOODS: readonly (readonly [string, keyof typeof FOOD_FAMILIES])[] = [
  ['le yaourt', 'pl'], ['le fromage', 'pl'], ['le lait', 'pl'], ['la pomme', 'fl'], ['la carotte', 'fl'], ['les haricots verts', 'fl'],
  ['le pain', 'fe'], ['les pâtes', 'fe'], ['le riz', 'fe'], ['le poisson', 'vpo'], ['le poulet', 'vpo'], ['l\'œuf', 'vpo'],
  ['le beurre', 'mg'], ['l\'huile', 'mg'], ['les bonbons', 'ps'], ['la confiture', 'ps'],
];
const food: Maker[] = FOODS.map(([item, fam]) => ({ rng }) =>
  qcm(rng, 'Les familles d\'aliments', `À quelle famille d'aliments appartient ${item} ?`, FOOD_FAMILIES[fam], Object.values(FOOD_FAMILIES)));

const MAGNET: readonly (readonly [string, boolean])[] = [
  ['un clou en fer', true], ['un trombone en acier', true], ['une vis en fer', true], ['une épingle en acier', true], ['un écrou en fer', true],
  ['une cuillère en bois', false], ['une gomme', false], ['un verre', false], ['une canette en aluminium', false], ['une feuille de papier', false], ['un bouchon en liège', false],
];
const magnet: Maker[] = MAGNET.map(([thing, yes]) => ({ rng }) =>
  qcm(rng, 'Les aimants', `Un aimant attire-t-il ${thing} ?`, yes ? 'Oui, l\'aimant l\'attire.' : 'Non, l\'aimant ne l\'attire pas.', [yes ? 'Non, l\'aimant ne l\'attire pas.' : 'Oui, l\'aimant l\'attire.']));

const CONDUCTORS: readonly (readonly [string, boolean])[] = [
  ['un clou en fer', true], ['une cuillère en métal', true], ['un fil de cuivre', true], ['une pièce de monnaie', true], ['la mine d\'un crayon à papier', true], ['une clé en acier', true],
  ['une règle en plastique', false], ['un morceau de bois', false], ['une gomme', false], ['un verre', false], ['une feuille de papier', false], ['un bouchon en liège', false],
];
export const conductor: Maker[] = CONDUCTORS.map(([thing, yes]) => ({ rng }) =>
  qcm(rng, 'Conducteurs et isolants', `Dans un circuit, le courant peut-il traverser ${thing} ?`, yes ? 'Oui : c\'est un conducteur.' : 'Non : c\'est un isolant.', [yes ? 'Non : c\'est un isolant.' : 'Oui : c\'est un conducteur.']));

const CHAINS: readonly (readonly string[])[] = [
  ['l\'herbe', 'le lapin', 'le renard'], ['la salade', 'l\'escargot', 'le hérisson'], ['le blé', 'la souris', 'la chouette'],
  ['les glands', 'l\'écureuil', 'la martre'], ['le plancton', 'la sardine', 'le thon'],
  ['la feuille de chêne', 'la chenille', 'la mésange', 'l\'épervier'], ['l\'herbe', 'la sauterelle', 'la grenouille', 'le héron'],
  ['les graines', 'le mulot', 'la couleuvre', 'l\'aigle'],
];
const chain = (len: number): Maker[] => CHAINS.filter((c) => c.length === len).map((c) => ({ rng }) =>
  sequence(rng, 'Les chaînes alimentaires', 'Range ces êtres vivants du mangé au mangeur.', c, c.length));

const DISSOLVES: readonly (readonly [string, boolean])[] = [
  ['le sel', true], ['le sucre', true], ['le café soluble', true],
  ['le sable', false], ['le poivre', false], ['le gravier', false], ['le riz', false],
];
const dissolves: Maker[] = DISSOLVES.map(([thing, yes]) => ({ rng }) =>
  qcm(rng, 'Les mélanges', `Si on mélange ${thing} à de l'eau, que se passe-t-il ?`, yes ? 'Il se dissout : on ne le voit plus.' : 'Il ne se dissout pas : on le voit toujours.', [yes ? 'Il ne se dissout pas : on le voit toujours.' : 'Il se dissout : on ne le voit plus.']));

export const PLANETS = ['Mercure', 'Vénus', 'la Terre', 'Mars', 'Jupiter', 'Saturne', 'Uranus', 'Neptune'];
export const planets = (size: number): Maker => ({ rng }) =>
  sequence(rng, 'Les planètes', 'Range ces planètes de la plus proche à la plus éloignée du Soleil.', PLANETS, size);

export function cycle2(): ModuleSpec[] {
  return [
    // ---- CP
    mod('CP', 'P1', 'le-corps-et-les-sens', 'Mon corps et mes cinq sens', 'Voir, entendre, sentir, goûter, toucher : à chaque sens son organe.', 9, [
      ask('Les cinq sens', [
        ['Avec quel organe sens-tu les odeurs ?', 'le nez', ['les yeux', 'les oreilles', 'la langue']],
        ['Avec quel organe entends-tu les sons ?', 'les oreilles', ['le nez', 'les yeux', 'la peau']],
        ['Avec quel organe vois-tu les couleurs ?', 'les yeux', ['les oreilles', 'la langue', 'le nez']],
        ['Avec quel organe sens-tu le goût sucré d\'un bonbon ?', 'la langue', ['le nez', 'les oreilles', 'les yeux']],
      ]),
      ask('Les cinq sens', [
        ['Quel sens utilises-tu pour savoir si l\'eau du bain est chaude en la touchant ?', 'le toucher', ['la vue', 'l\'ouïe', 'l\'odorat']],
        ['Quel sens utilises-tu pour écouter une chanson ?', 'l\'ouïe', ['la vue', 'le goût', 'le toucher']],
        ['Quel sens utilises-tu pour sentir une fleur ?', 'l\'odorat', ['l\'ouïe', 'le goût', 'la vue']],
        ['Combien avons-nous de sens ?', 'cinq', ['deux', 'trois', 'dix']],
      ]),
      write('Les organes des sens', [
        ['Complète : je sens les odeurs avec mon …', 'nez'], ['Complète : je regarde avec mes …', 'yeux'],
        ['Complète : j\'entends avec mes …', 'oreilles'], ['Complète : je goûte avec ma …', 'langue'],
      ]),
    ]),
    mod('CP', 'P2', 'les-saisons', 'Les saisons', 'Reconnaître les quatre saisons et leur ordre.', 9, [
      ask('Les saisons', [
        ['En quelle saison les feuilles des arbres tombent-elles ?', 'en automne', ['en été', 'au printemps', 'en hiver']],
        ['En quelle saison fait-il le plus chaud ?', 'en été', ['en hiver', 'en automne', 'au printemps']],
        ['En quelle saison peut-on faire un bonhomme de neige ?', 'en hiver', ['en été', 'au printemps', 'en automne']],
        ['En quelle saison les arbres fruitiers fleurissent-ils ?', 'au printemps', ['en hiver', 'en automne', 'en été']],
      ]),
      ask('Les saisons', [
        ['En quelle saison fête-t-on Noël ?', 'en hiver', ['en été', 'au printemps', 'en automne']],
        ['Combien y a-t-il de saisons dans une année ?', 'quatre', ['deux', 'trois', 'douze']],
        ['Quelle saison vient après l\'hiver ?', 'le printemps', ['l\'été', 'l\'automne']],
        ['Quelle saison vient après l\'été ?', 'l\'automne', ['l\'hiver', 'le printemps']],
      ]),
      seasonOrder,
    ]),
    mod('CP', 'P3', 'les-animaux', 'Les animaux', 'Comment ils se déplacent, de quoi leur corps est couvert.', 12, [moves, moves, covers]),
    mod('CP', 'P4', 'les-plantes', 'Les plantes', 'Ce dont une plante a besoin, et comment elle grandit.', 9, [
      ask('Les plantes', [
        ['De quoi une plante a-t-elle besoin pour pousser ?', 'd\'eau et de lumière', ['de sel et de sable', 'de lait', 'd\'obscurité']],
        ['Par où la plante puise-t-elle l\'eau dans la terre ?', 'par ses racines', ['par ses fleurs', 'par ses fruits', 'par ses pétales']],
        ['Que devient la fleur du pommier ?', 'une pomme', ['une feuille', 'une racine', 'une branche']],
        ['Où trouve-t-on les pépins d\'une pomme ?', 'dans le fruit', ['dans les racines', 'dans les feuilles', 'dans la tige']],
      ]),
      [({ rng }) => sequence(rng, 'La croissance d\'une plante', 'Range les étapes de la vie d\'une plante.', PLANT_GROWTH, 3, true)],
      [({ rng }) => sequence(rng, 'La croissance d\'une plante', 'Range les étapes de la vie d\'une plante.', PLANT_GROWTH, rng.pick([4, 5]), true)],
    ]),
    mod('CP', 'P5', 'l-eau', 'L\'eau sous toutes ses formes', 'L\'eau peut être solide, liquide ou gazeuse.', 9, [
      waterState.slice(0, 8), waterState,
      write('L\'eau qui change', [
        ['Complète : quand l\'eau gèle, elle devient de la …', 'la glace'], ['Complète : un glaçon qui fond redevient de l\'eau …', 'liquide'],
        ['Complète : quand il fait très froid, la pluie peut se transformer en …', 'la neige', ['grêle', 'la grêle', 'de la grêle']], ['Complète : l\'eau qui bout dans une casserole se transforme en …', 'la vapeur', ['vapeur d\'eau', 'la vapeur d\'eau', 'de la vapeur d\'eau']],
      ]),
    ]),

    // ---- CE1
    mod('CE1', 'P1', 'regimes-alimentaires', 'Que mangent les animaux ?', 'Herbivores, carnivores et omnivores.', 12, [
      diet(0),
      ask('Les régimes alimentaires', [
        ['Comment appelle-t-on un animal qui ne mange que des plantes ?', 'un herbivore', ['un carnivore', 'un omnivore']],
        ['Comment appelle-t-on un animal qui mange d\'autres animaux ?', 'un carnivore', ['un herbivore', 'un omnivore']],
        ['Comment appelle-t-on un animal qui mange des plantes et des animaux ?', 'un omnivore', ['un herbivore', 'un carnivore']],
        ['Que mange surtout la vache ?', 'de l\'herbe', ['de la viande', 'des poissons', 'des insectes']],
        ['Que mange le loup ?', 'd\'autres animaux', ['de l\'herbe', 'des fruits seulement', 'du foin']],
      ]),
      [...diet(1).slice(-6), ({ rng }) => classify(rng, 'Les régimes alimentaires', 'Lequel de ces animaux est omnivore ?', DIETS.map(([a, d]) => [a, d] as const), 'omnivore')],
    ]),
    mod('CE1', 'P2', 'cycles-de-vie', 'Naître, grandir, se reproduire', 'Les petits des animaux et les étapes de leur vie.', 12, [ask('Les petits des animaux', BABIES), cycle(3), cycle(4)]),
    mod('CE1', 'P3', 'etats-de-l-eau', 'Les états de l\'eau', 'Solide, liquide, gazeux : l\'eau change d\'état avec la température.', 12, [
      waterState,
      ask('Les changements d\'état', [
        ['Que se passe-t-il quand on sort un glaçon du congélateur ?', 'Il fond.', ['Il gèle.', 'Il bout.', 'Il grossit.']],
        ['À quelle température l\'eau pure gèle-t-elle ?', '0 °C', ['100 °C', '10 °C', '50 °C']],
        ['À quelle température l\'eau pure bout-elle ?', '100 °C', ['0 °C', '50 °C', '20 °C']],
        ['Que devient une flaque d\'eau au soleil ?', 'Elle s\'évapore.', ['Elle gèle.', 'Elle grandit.', 'Elle devient de la glace.']],
        ['Pourquoi de la buée apparaît-elle sur une vitre froide ?', 'La vapeur d\'eau de l\'air redevient liquide.', ['La vitre fond.', 'Il pleut dans la maison.', 'La glace de la vitre s\'évapore.']],
      ]),
      write('Les changements d\'état', [
        ['Complète : quand l\'eau gèle, elle devient de la …', 'la glace'], ['Complète : l\'eau qui bout se transforme en …', 'la vapeur', ['vapeur d\'eau', 'la vapeur d\'eau', 'de la vapeur d\'eau']],
        ['Complète : la neige est de l\'eau à l\'état …', 'solide'], ['Complète : la pluie est de l\'eau à l\'état …', 'liquide'],
        ['Complète : un glaçon posé au soleil …', 'fond', ['il fond']],
      ]),
    ]),
    mod('CE1', 'P4', 'bien-manger', 'Bien manger pour grandir', 'Les familles d\'aliments et les bonnes habitudes.', 12, [
      food.slice(0, 12), food,
      ask('Les bonnes habitudes', [
        ['Combien de fruits et légumes conseille-t-on de manger chaque jour ?', 'au moins cinq', ['un seul', 'aucun', 'deux par semaine']],
        ['Quelle est la meilleure boisson pendant le repas ?', 'l\'eau', ['le soda', 'le sirop', 'le jus très sucré']],
        ['Pourquoi faut-il se brosser les dents après les repas ?', 'pour éviter les caries', ['pour avoir moins faim', 'pour grandir plus vite', 'pour mieux dormir']],
        ['Quel repas est important pour bien commencer la journée ?', 'le petit-déjeuner', ['le goûter', 'le dîner', 'aucun']],
      ]),
    ]),
    mod('CE1', 'P5', 'aimants-et-matieres', 'Les aimants et les matières', 'Quels objets un aimant attire-t-il ? De quoi les objets sont-ils faits ?', 9, [
      magnet, magnet,
      ask('Les matières', [
        ['Quelle matière laisse passer la lumière ?', 'le verre', ['le bois', 'le métal', 'le carton']],
        ['Quelle matière un aimant attire-t-il ?', 'le fer', ['le bois', 'le plastique', 'le papier']],
        ['Avec quoi fabrique-t-on le papier ?', 'avec du bois', ['avec du sable', 'avec du fer', 'avec du pétrole']],
        ['Avec quoi fabrique-t-on le verre ?', 'avec du sable', ['avec du bois', 'avec de la laine', 'avec du coton']],
      ]),
    ]),

    // ---- CE2
    mod('CE2', 'P1', 'squelette-et-muscles', 'Le squelette et les muscles', 'Les os, les articulations et les muscles permettent de bouger.', 12, [
      ask('Le squelette', [
        ['Quel os protège le cerveau ?', 'le crâne', ['les côtes', 'le fémur', 'la rotule']],
        ['Que protègent les côtes ?', 'le cœur et les poumons', ['le cerveau', 'les yeux', 'les genoux']],
        ['Comment s\'appelle l\'ensemble des os du corps ?', 'le squelette', ['le muscle', 'la peau', 'le cerveau']],
        ['Où se trouve le fémur ?', 'dans la cuisse', ['dans le bras', 'dans la tête', 'dans le pied']],
      ]),
      ask('Os et muscles', [
        ['Comment appelle-t-on l\'endroit où deux os se rejoignent ?', 'une articulation', ['un muscle', 'un tendon', 'une veine']],
        ['Combien d\'os compte environ le squelette d\'un adulte ?', '206', ['20', '50', '1 000']],
        ['Que fait un muscle quand il tire sur un os ?', 'Il se contracte.', ['Il se casse.', 'Il disparaît.', 'Il devient un os.']],
        ['Que faut-il pour plier le bras ?', 'des muscles et une articulation', ['seulement la peau', 'seulement les os', 'le cœur']],
      ]),
      write('Les articulations', [
        ['Quelle articulation relie le bras et l\'avant-bras ?', 'le coude'], ['Quelle articulation relie la cuisse et la jambe ?', 'le genou'],
        ['Quelle articulation relie la main et l\'avant-bras ?', 'le poignet'], ['Quelle articulation relie le pied et la jambe ?', 'la cheville'],
        ['Quelle articulation relie le bras et le tronc ?', 'l\'épaule'],
      ]),
    ]),
    mod('CE2', 'P2', 'l-electricite', 'L\'électricité', 'Conducteurs, isolants et circuits simples ; les dangers du courant.', 12, [
      conductor.slice(0, 9), conductor,
      ask('Le circuit électrique', [
        ['Que faut-il pour qu\'une ampoule s\'allume ?', 'un circuit fermé avec une pile', ['un seul fil', 'une pile sans fil', 'un circuit ouvert']],
        ['À quoi sert un interrupteur ?', 'à ouvrir ou fermer le circuit', ['à fabriquer de l\'électricité', 'à chauffer l\'ampoule', 'à recharger la pile']],
        ['Pourquoi ne faut-il jamais mettre les doigts dans une prise ?', 'Le courant du secteur peut tuer.', ['La prise est trop petite.', 'On risque de casser la prise.', 'Ce n\'est pas dangereux.']],
        ['Quel objet fournit le courant dans un circuit de la classe ?', 'la pile', ['l\'ampoule', 'le fil', 'l\'interrupteur']],
      ]),
    ]),
    mod('CE2', 'P3', 'chaines-alimentaires', 'Les chaînes alimentaires', 'Qui mange qui ? Du végétal au grand prédateur.', 9, [
      chain(3), [...chain(3), ...chain(4)],
      [...chain(4), ({ rng }) => qcm(rng, 'Les chaînes alimentaires', 'Dans la chaîne « herbe → lapin → renard », qui est le carnivore ?', 'le renard', ['l\'herbe', 'le lapin']),
        ({ rng }) => qcm(rng, 'Les chaînes alimentaires', 'Par quoi commence toujours une chaîne alimentaire ?', 'par un végétal', ['par un carnivore', 'par un omnivore', 'par un insecte'])],
    ]),
    mod('CE2', 'P4', 'les-melanges', 'Mélanges et solutions', 'Ce qui se dissout dans l\'eau et ce qui ne se dissout pas.', 9, [
      dissolves, dissolves,
      ask('Séparer un mélange', [
        ['Comment récupérer le sable mélangé à de l\'eau ?', 'en filtrant le mélange', ['en ajoutant du sucre', 'en soufflant dessus', 'en le secouant']],
        ['Comment récupérer le sel dissous dans l\'eau ?', 'en laissant l\'eau s\'évaporer', ['en filtrant', 'en secouant', 'en ajoutant de l\'eau']],
        ['Que fait l\'huile versée dans l\'eau ?', 'Elle flotte à la surface.', ['Elle coule au fond.', 'Elle se dissout.', 'Elle devient solide.']],
      ]),
    ]),
    mod('CE2', 'P5', 'le-systeme-solaire', 'Le Soleil, la Terre et la Lune', 'Le Soleil est une étoile ; la Terre tourne autour de lui.', 12, [
      ask('Le système solaire', [
        ['Autour de quoi la Terre tourne-t-elle ?', 'autour du Soleil', ['autour de la Lune', 'autour de Mars', 'autour de rien']],
        ['Qu\'est-ce que le Soleil ?', 'une étoile', ['une planète', 'un satellite', 'une comète']],
        ['Qu\'est-ce que la Lune ?', 'le satellite naturel de la Terre', ['une étoile', 'une planète', 'une comète']],
        ['Combien de temps la Terre met-elle pour faire le tour du Soleil ?', 'un an', ['un jour', 'un mois', 'une semaine']],
        ['Combien y a-t-il de planètes dans le système solaire ?', 'huit', ['cinq', 'douze', 'cent']],
      ]),
      [planets(3), planets(4)],
      [planets(5), planets(6)],
    ]),
  ];
}
