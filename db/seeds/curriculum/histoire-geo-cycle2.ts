import { ask, type Maker, moduleOf, sequence, write } from './bank.js';
import * as D from './histoire-geo-data.js';
import { capital, capitalWritten, chronoOf, continent, cycleOrder, landscape, MOMENTS, nextOf, period, river } from './histoire-geo-gen.js';
import { type ModuleSpec, order, qcm } from './util.js';

/** Questionner le monde de l'espace et du temps (CP, CE1, CE2). */

const mod = moduleOf('HISTOIRE_GEOGRAPHIE');

export function cycle2(): ModuleSpec[] {
  return [
    // ---- CP
    mod('CP', 'P1', 'les-jours-de-la-semaine', 'Les jours de la semaine', 'Connaître l\'ordre des jours, hier, aujourd\'hui, demain.', 12, [
      [nextOf('Les jours de la semaine', D.DAYS, 'jour')],
      [cycleOrder('Les jours de la semaine', D.DAYS, 'jours', 3), cycleOrder('Les jours de la semaine', D.DAYS, 'jours', 4)],
      [cycleOrder('Les jours de la semaine', D.DAYS, 'jours', 5), ...ask('Les jours de la semaine', [
        ['Combien y a-t-il de jours dans une semaine ?', 'sept', ['cinq', 'six', 'dix']],
        ['Si aujourd\'hui c\'est lundi, quel jour serons-nous demain ?', 'mardi', ['dimanche', 'mercredi', 'jeudi']],
        ['Si aujourd\'hui c\'est vendredi, quel jour étions-nous hier ?', 'jeudi', ['samedi', 'mercredi', 'lundi']],
      ])],
    ]),
    mod('CP', 'P2', 'les-moments-de-la-journee', 'Les moments de la journée', 'Matin, midi, après-midi, soir et nuit.', 9, [
      ask('Les moments de la journée', [
        ['À quel moment de la journée prend-on le petit-déjeuner ?', 'le matin', ['le soir', 'la nuit', 'l\'après-midi']],
        ['À quel moment de la journée prend-on le goûter ?', 'l\'après-midi', ['le matin', 'la nuit', 'le midi']],
        ['À quel moment de la journée dort-on ?', 'la nuit', ['le matin', 'le midi', 'l\'après-midi']],
        ['À quel moment de la journée prend-on le dîner ?', 'le soir', ['le matin', 'le midi', 'l\'après-midi']],
      ]),
      [({ rng }) => sequence(rng, 'Les moments de la journée', 'Range les moments de la journée, en commençant par le matin.', MOMENTS, 3, true)],
      [({ rng }) => sequence(rng, 'Les moments de la journée', 'Range les moments de la journée, en commençant par le matin.', MOMENTS, rng.pick([4, 5]), true)],
    ]),
    mod('CP', 'P3', 'les-mois-de-l-annee', 'Les mois de l\'année', 'Connaître l\'ordre des douze mois.', 12, [
      [nextOf('Les mois de l\'année', D.MONTHS, 'mois')],
      [cycleOrder('Les mois de l\'année', D.MONTHS, 'mois', 3)],
      [cycleOrder('Les mois de l\'année', D.MONTHS, 'mois', 4), cycleOrder('Les mois de l\'année', D.MONTHS, 'mois', 5)],
    ]),
    mod('CP', 'P4', 'les-paysages', 'Les paysages', 'La ville, la campagne, la montagne et la mer.', 12, [
      landscape([['une plage de sable', 3], ['beaucoup d\'immeubles', 0], ['des champs de blé', 1], ['des pistes de ski', 2]]),
      landscape([['un phare', 3], ['une station de métro', 0], ['des tracteurs dans les champs', 1], ['un téléphérique', 2], ['un port de pêche', 3]]),
      landscape([['des glaciers', 2], ['des embouteillages et des feux tricolores', 0], ['de grands champs de maïs', 1], ['des falaises et des vagues', 3], ['des sommets enneigés', 2]]),
    ]),
    mod('CP', 'P5', 'autrefois-et-aujourd-hui', 'Autrefois et aujourd\'hui', 'Comparer la vie d\'autrefois et celle d\'aujourd\'hui.', 9, [
      ask('Autrefois', [
        ['Avant l\'électricité, avec quoi s\'éclairait-on ?', 'avec des bougies et des lampes à huile', ['avec des ampoules', 'avec des écrans', 'avec des lampes de poche']],
        ['Autrefois, avec quoi les écoliers écrivaient-ils ?', 'avec une plume et de l\'encre', ['avec un ordinateur', 'avec un feutre', 'avec une tablette']],
        ['Autrefois, comment lavait-on le linge ?', 'à la main, au lavoir', ['dans une machine à laver', 'au pressing', 'avec un aspirateur']],
        ['Avant les voitures, comment voyageait-on ?', 'à cheval ou en calèche', ['en avion', 'en métro', 'en trottinette électrique']],
      ]),
      [({ rng }) => order(rng, 'Du plus ancien au plus récent', 'Range ces moyens de transport du plus ancien au plus récent.', rng.sample(['la calèche', 'le train à vapeur', 'l\'automobile', 'l\'avion', 'la fusée'].map((x, i) => [x, i] as const), 3).sort((a, b) => a[1] - b[1]).map(([x]) => x)),
        ({ rng }) => order(rng, 'Du plus ancien au plus récent', 'Range ces objets du plus ancien au plus récent.', rng.pick([['la bougie', 'la lampe à pétrole', 'l\'ampoule électrique'], ['la plume d\'oie', 'le stylo à bille', 'l\'ordinateur']]))],
      [({ rng }) => order(rng, 'Du plus ancien au plus récent', 'Range ces moyens de transport du plus ancien au plus récent.', rng.sample(['la calèche', 'le train à vapeur', 'l\'automobile', 'l\'avion', 'la fusée'].map((x, i) => [x, i] as const), 4).sort((a, b) => a[1] - b[1]).map(([x]) => x))],
    ]),

    // ---- CE1
    mod('CE1', 'P1', 'le-calendrier', 'Le calendrier', 'Jours, mois, saisons : se repérer dans l\'année.', 12, [
      [nextOf('Le calendrier', D.MONTHS, 'mois'), nextOf('Le calendrier', D.DAYS, 'jour')],
      ask('Le calendrier', [
        ['Combien y a-t-il de mois dans une année ?', 'douze', ['dix', 'sept', 'quatre']],
        ['Combien y a-t-il de jours dans une année ?', '365 ou 366', ['100', '52', '12']],
        ['Combien y a-t-il de semaines dans une année ?', 'environ 52', ['environ 12', 'environ 100', 'environ 7']],
        ['Quel est le premier mois de l\'année ?', 'janvier', ['septembre', 'décembre', 'mars']],
        ['Quel est le dernier mois de l\'année ?', 'décembre', ['janvier', 'juin', 'novembre']],
      ]),
      [cycleOrder('Le calendrier', D.MONTHS, 'mois', 5), cycleOrder('Le calendrier', D.MONTHS, 'mois', 6)],
    ]),
    mod('CE1', 'P2', 'la-famille-et-les-generations', 'La famille et les générations', 'Parents, grands-parents, oncles, tantes et cousins.', 12, [
      ask('La famille', [
        ['Le père de ton père est ton …', 'grand-père', ['oncle', 'cousin', 'frère']],
        ['La mère de ta mère est ta …', 'grand-mère', ['tante', 'cousine', 'sœur']],
        ['Le frère de ton père est ton …', 'oncle', ['grand-père', 'cousin', 'neveu']],
        ['La sœur de ta mère est ta …', 'tante', ['grand-mère', 'cousine', 'nièce']],
      ]),
      ask('La famille', [
        ['Le fils de ton oncle est ton …', 'cousin', ['frère', 'neveu', 'oncle']],
        ['La fille de ta tante est ta …', 'cousine', ['sœur', 'nièce', 'tante']],
        ['Les parents de tes parents sont tes …', 'grands-parents', ['oncles', 'cousins', 'arrière-grands-parents']],
        ['Le fils de ta sœur est ton …', 'neveu', ['cousin', 'oncle', 'frère']],
        ['La fille de ton frère est ta …', 'nièce', ['cousine', 'tante', 'sœur']],
      ]),
      [({ rng }) => sequence(rng, 'Les générations', 'Range ces personnes d\'une même famille de la plus âgée à la plus jeune.', ['l\'arrière-grand-mère', 'la grand-mère', 'la mère', 'la fille'], rng.pick([3, 4])),
        ({ rng }) => sequence(rng, 'Les âges de la vie', 'Range les âges de la vie du plus jeune au plus âgé.', ['le bébé', 'l\'enfant', 'l\'adolescent', 'l\'adulte', 'la personne âgée'], rng.pick([3, 4, 5]))],
    ]),
    mod('CE1', 'P3', 'la-france', 'La France', 'Sa capitale, ses voisins, ses mers et son drapeau.', 12, [
      ask('La France', [
        ['Quelles sont les couleurs du drapeau français ?', 'bleu, blanc, rouge', ['vert, blanc, rouge', 'noir, jaune, rouge', 'bleu, jaune, vert']],
        ['Quel océan borde l\'ouest de la France ?', 'l\'océan Atlantique', ['l\'océan Pacifique', 'l\'océan Indien', 'l\'océan Arctique']],
        ['Quelle mer borde le sud de la France ?', 'la mer Méditerranée', ['la mer du Nord', 'la mer Rouge', 'la mer Noire']],
        ['Sur quel continent se trouve la France ?', 'en Europe', ['en Afrique', 'en Asie', 'en Amérique']],
      ]),
      ['l\'Espagne', 'l\'Italie', 'l\'Allemagne', 'la Belgique', 'la Suisse', 'le Luxembourg'].map((n): Maker => ({ rng }) =>
        qcm(rng, 'Les pays voisins', 'Lequel de ces pays est un voisin de la France ?', n, ['le Japon', 'le Brésil', 'le Canada', 'l\'Égypte', 'la Chine', 'l\'Australie'])),
      write('La France', [
        ['Quelle est la capitale de la France ?', 'Paris'], ['Quel pays voisin se trouve au sud des Pyrénées ?', 'Espagne', ['l\'Espagne']],
        ['Quel pays voisin a pour capitale Rome ?', 'Italie', ['l\'Italie']], ['Quel pays voisin a pour capitale Berlin ?', 'Allemagne', ['l\'Allemagne']],
      ], { ignoreAccents: true }),
    ]),
    mod('CE1', 'P4', 'continents-et-oceans', 'Continents et océans', 'Se repérer sur le globe.', 12, [
      continent(0),
      ask('Les océans', [
        ['Quel est le plus grand océan du monde ?', 'l\'océan Pacifique', ['l\'océan Atlantique', 'l\'océan Indien', 'l\'océan Arctique']],
        ['Quel océan sépare l\'Europe de l\'Amérique ?', 'l\'océan Atlantique', ['l\'océan Pacifique', 'l\'océan Indien', 'l\'océan Austral']],
        ['Quel océan entoure le pôle Nord ?', 'l\'océan Arctique', ['l\'océan Indien', 'l\'océan Pacifique', 'l\'océan Atlantique']],
        ['Sur un globe, que représente la couleur bleue ?', 'les mers et les océans', ['les forêts', 'les déserts', 'les montagnes']],
        ['Quel continent se trouve autour du pôle Sud ?', 'l\'Antarctique', ['l\'Afrique', 'l\'Europe', 'l\'Asie']],
      ]),
      continent(1),
    ]),
    mod('CE1', 'P5', 'se-reperer-dans-le-temps', 'Se repérer dans le temps', 'Siècles, frise chronologique et grandes inventions.', 9, [
      ask('Mesurer le temps long', [
        ['Combien d\'années y a-t-il dans un siècle ?', 'cent', ['dix', 'mille', 'cinquante']],
        ['Combien d\'années y a-t-il dans une décennie ?', 'dix', ['cent', 'mille', 'cinq']],
        ['Combien d\'années y a-t-il dans un millénaire ?', 'mille', ['cent', 'dix', 'dix mille']],
        ['À quoi sert une frise chronologique ?', 'à placer des événements dans l\'ordre du temps', ['à mesurer des longueurs', 'à dessiner une carte', 'à compter de l\'argent']],
      ]),
      [chronoOf('Les grandes inventions', D.INVENTIONS, [3])],
      [chronoOf('Les grandes inventions', D.INVENTIONS, [4])],
    ]),


    // ---- CE2
    mod('CE2', 'P1', 'les-grandes-periodes', 'Les grandes périodes de l\'histoire', 'De la Préhistoire à l\'Époque contemporaine.', 12, [
      period,
      ask('Les grandes périodes', [
        ['Quel événement marque la fin de la Préhistoire ?', 'l\'invention de l\'écriture', ['la Révolution française', 'la découverte de l\'Amérique', 'la chute de l\'Empire romain']],
        ['Quel événement marque le début de l\'Époque contemporaine ?', 'la Révolution française', ['l\'invention de l\'écriture', 'la découverte de l\'Amérique', 'la chute de l\'Empire romain']],
        ['Quel événement marque la fin de l\'Antiquité ?', 'la chute de l\'Empire romain d\'Occident', ['l\'invention de l\'écriture', 'la Révolution française', 'la Première Guerre mondiale']],
        ['Quel événement marque le début des Temps modernes ?', 'la découverte de l\'Amérique', ['la chute de l\'Empire romain d\'Occident', 'l\'invention de l\'écriture', 'la Révolution française']],
      ]),
      [({ rng }) => sequence(rng, 'Les grandes périodes', 'Range ces périodes de la plus ancienne à la plus récente.', D.PERIODS, rng.pick([4, 5]))],
    ]),
    mod('CE2', 'P2', 'les-fleuves-de-france', 'Les fleuves de France', 'La Seine, la Loire, le Rhône, la Garonne et le Rhin.', 12, [
      river,
      ask('Les fleuves de France', [
        ['Quel est le plus long fleuve de France ?', 'la Loire', ['la Seine', 'le Rhône', 'la Garonne']],
        ['Dans quelle mer se jette le Rhône ?', 'la mer Méditerranée', ['la Manche', 'la mer du Nord', 'l\'océan Atlantique']],
        ['Où se jette la Seine ?', 'dans la Manche', ['dans la mer Méditerranée', 'dans l\'océan Atlantique', 'dans le lac Léman']],
        ['Qu\'est-ce qu\'un fleuve ?', 'un cours d\'eau qui se jette dans la mer', ['un lac très profond', 'une petite rivière de montagne', 'un canal creusé par l\'homme']],
      ]),
      write('Les fleuves de France', [
        ['Quel fleuve traverse Paris ?', 'Seine', ['la Seine']], ['Quel fleuve traverse Lyon et se jette dans la Méditerranée ?', 'Rhône', ['le Rhône']],
        ['Quel fleuve traverse Bordeaux ?', 'Garonne', ['la Garonne']], ['Quel fleuve passe à Nantes ?', 'Loire', ['la Loire']],
      ], { ignoreAccents: true }),
    ]),
    mod('CE2', 'P3', 'les-reliefs-de-france', 'Les montagnes de France', 'Alpes, Pyrénées, Massif central, Vosges et Jura.', 9, [
      ask('Les montagnes', [
        ['Quel est le plus haut sommet de France ?', 'le mont Blanc', ['le puy de Dôme', 'le mont Ventoux', 'le Ballon d\'Alsace']],
        ['Quelle chaîne de montagnes sépare la France de l\'Espagne ?', 'les Pyrénées', ['les Alpes', 'les Vosges', 'le Jura']],
        ['Dans quelle chaîne de montagnes se trouve le mont Blanc ?', 'les Alpes', ['les Pyrénées', 'le Massif central', 'les Vosges']],
      ]),
      ask('Les montagnes', [
        ['Quel massif du centre de la France compte de nombreux anciens volcans ?', 'le Massif central', ['les Alpes', 'le Jura', 'les Vosges']],
        ['Quelle chaîne de montagnes se trouve entre la France et la Suisse, au nord des Alpes ?', 'le Jura', ['les Pyrénées', 'le Massif central', 'les Vosges']],
        ['Quelle chaîne de montagnes se trouve à l\'est, près de l\'Alsace ?', 'les Vosges', ['les Pyrénées', 'le Massif central', 'les Alpes']],
      ]),
      ask('Les montagnes', [
        ['Environ quelle altitude le mont Blanc atteint-il ?', '4 800 m', ['1 000 m', '2 500 m', '8 800 m']],
        ['Pourquoi fait-il plus froid en haut d\'une montagne ?', 'La température baisse quand l\'altitude augmente.', ['Le soleil ne brille pas en montagne.', 'Le vent vient toujours du pôle Nord.', 'Il y a trop d\'arbres.']],
        ['Quelle activité pratique-t-on l\'hiver dans les Alpes ?', 'le ski', ['la pêche en mer', 'le surf', 'la plongée']],
      ]),
    ]),
    mod('CE2', 'P4', 'capitales-d-europe', 'Les capitales d\'Europe', 'Les pays d\'Europe et leurs capitales.', 12, [
      capital(D.EUROPE_CAPITALS, 0), capital(D.EUROPE_CAPITALS, 1), capitalWritten(D.EUROPE_CAPITALS.filter((c) => c[2] < 2)),
    ]),
    mod('CE2', 'P5', 'la-prehistoire', 'La Préhistoire', 'Comment vivaient les premiers hommes.', 9, [
      ask('La Préhistoire', [
        ['Avec quelle pierre les hommes préhistoriques fabriquaient-ils des outils tranchants ?', 'le silex', ['le marbre', 'le granit', 'la craie']],
        ['Quel grand animal couvert de poils les hommes de la Préhistoire chassaient-ils ?', 'le mammouth', ['le dinosaure', 'l\'éléphant d\'Afrique', 'la girafe']],
        ['Quelle grotte ornée de peintures préhistoriques se trouve en Dordogne ?', 'la grotte de Lascaux', ['la grotte de Cendrillon', 'la grotte de Versailles', 'la grotte de Paris']],
      ]),
      ask('La Préhistoire', [
        ['Qu\'ont appris à faire les hommes au Néolithique ?', 'cultiver la terre et élever des animaux', ['écrire des livres', 'construire des châteaux forts', 'fabriquer des voitures']],
        ['Quelle découverte a permis de se chauffer et de cuire les aliments ?', 'la maîtrise du feu', ['l\'électricité', 'l\'écriture', 'la roue']],
        ['Comment appelle-t-on les grandes pierres dressées, comme à Carnac ?', 'des menhirs', ['des pyramides', 'des statues', 'des colonnes']],
      ]),
      [({ rng }) => sequence(rng, 'La Préhistoire', 'Range ces événements du plus ancien au plus récent.', D.PREHISTORY, rng.pick([3, 4]))],
    ]),
  ];
}
