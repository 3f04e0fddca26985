import { ask, type Maker, moduleOf, sequence, write } from './bank.js';
import { conductor, planets } from './sciences-cycle2.js';
import { type MakeContext, type ModuleSpec, qcm } from './util.js';

/** Sciences et technologie (CM1, CM2). */

const mod = moduleOf('SCIENCES');

const DIGESTION = ['la bouche', 'l\'œsophage', 'l\'estomac', 'l\'intestin grêle', 'le gros intestin'];
const WATER_CYCLE = [
  'L\'eau des océans s\'évapore sous l\'effet du soleil.',
  'La vapeur d\'eau se refroidit et forme des nuages.',
  'Il pleut ou il neige.',
  'L\'eau ruisselle et rejoint les rivières.',
  'Les rivières se jettent dans la mer.',
];
const FLOWER_TO_PLANT = [
  'La fleur s\'ouvre.',
  'Un insecte dépose du pollen sur le pistil.',
  'Le pistil se transforme en fruit.',
  'Le fruit mûr libère ses graines.',
  'Une graine germe et donne une nouvelle plante.',
];

const RENEWABLE = ['le vent', 'le soleil', 'la force de l\'eau des rivières', 'la chaleur du sous-sol', 'les vagues et les marées'];
const FOSSIL = ['le pétrole', 'le charbon', 'le gaz naturel', 'l\'uranium'];
const energy: Maker[] = [
  ...RENEWABLE.map((r) => ({ rng }: MakeContext) => qcm(rng, 'Les sources d\'énergie', 'Laquelle de ces sources d\'énergie est renouvelable ?', r, FOSSIL)),
  ...FOSSIL.map((f) => ({ rng }: MakeContext) => qcm(rng, 'Les sources d\'énergie', 'Laquelle de ces sources d\'énergie n\'est pas renouvelable ?', f, RENEWABLE)),
];

const CLASSES = ['un mammifère', 'un oiseau', 'un poisson', 'un reptile', 'un amphibien'];
const ANIMAL_CLASS: readonly (readonly [string, number, 0 | 1])[] = [
  ['le chat', 0, 0], ['la vache', 0, 0], ['l\'aigle', 1, 0], ['la poule', 1, 0], ['la truite', 2, 0], ['le crocodile', 3, 0], ['la grenouille', 4, 0], ['le serpent', 3, 0],
  ['le dauphin', 0, 1], ['la chauve-souris', 0, 1], ['la baleine', 0, 1], ['le manchot', 1, 1], ['l\'autruche', 1, 1], ['le requin', 2, 1], ['la tortue', 3, 1], ['la salamandre', 4, 1],
];
const animalClass = (hard: 0 | 1): Maker[] => ANIMAL_CLASS.filter((a) => a[2] === hard).map(([animal, c]) => ({ rng }) =>
  qcm(rng, 'La classification du vivant', `À quel groupe appartient ${animal} ?`, CLASSES[c] as string, CLASSES));

export function cycle3(): ModuleSpec[] {
  return [
    // ---- CM1
    mod('CM1', 'P1', 'la-digestion', 'La digestion', 'Le trajet des aliments et le rôle de chaque organe.', 12, [
      ask('La digestion', [
        ['Où les aliments sont-ils broyés par les dents ?', 'dans la bouche', ['dans l\'estomac', 'dans l\'intestin', 'dans l\'œsophage']],
        ['Quel liquide, produit dans la bouche, commence la digestion ?', 'la salive', ['le sang', 'l\'eau', 'le lait']],
        ['Quel organe relie la bouche à l\'estomac ?', 'l\'œsophage', ['l\'intestin grêle', 'le cœur', 'les poumons']],
        ['Dans quel organe les nutriments passent-ils dans le sang ?', 'dans l\'intestin grêle', ['dans la bouche', 'dans l\'œsophage', 'dans les poumons']],
        ['Dans quel organe les aliments sont-ils brassés avec des sucs acides ?', 'dans l\'estomac', ['dans la bouche', 'dans le gros intestin', 'dans le foie']],
      ]),
      [({ rng }) => sequence(rng, 'Le trajet des aliments', 'Range les organes dans l\'ordre où les aliments les traversent.', DIGESTION, 3),
        ({ rng }) => sequence(rng, 'Le trajet des aliments', 'Range les organes dans l\'ordre où les aliments les traversent.', DIGESTION, 4)],
      [({ rng }) => sequence(rng, 'Le trajet des aliments', 'Range les organes dans l\'ordre où les aliments les traversent.', DIGESTION, 5),
        ...write('Les organes de la digestion', [
          ['Comment s\'appelle le tube qui relie la bouche à l\'estomac ?', 'l\'œsophage', ['oesophage', 'l\'oesophage']],
          ['Quel organe en forme de poche reçoit les aliments après l\'œsophage ?', 'l\'estomac'],
          ['Comment s\'appelle le liquide qui mouille les aliments dans la bouche ?', 'la salive'],
        ])],
    ]),
    mod('CM1', 'P2', 'respiration-et-circulation', 'Respirer et faire circuler le sang', 'Les poumons, le cœur et le trajet du sang.', 12, [
      ask('La respiration', [
        ['Dans quels organes l\'air entre-t-il quand on inspire ?', 'dans les poumons', ['dans l\'estomac', 'dans le cœur', 'dans le foie']],
        ['Quel organe fait circuler le sang dans tout le corps ?', 'le cœur', ['les poumons', 'le cerveau', 'l\'estomac']],
        ['Quel gaz de l\'air notre corps utilise-t-il ?', 'le dioxygène', ['le dioxyde de carbone', 'la vapeur d\'eau', 'l\'hélium']],
        ['Quel gaz rejetons-nous quand nous expirons ?', 'le dioxyde de carbone', ['le dioxygène', 'l\'hélium', 'le gaz naturel']],
      ]),
      ask('La circulation du sang', [
        ['Comment s\'appellent les vaisseaux qui ramènent le sang vers le cœur ?', 'les veines', ['les artères', 'les nerfs', 'les muscles']],
        ['Comment s\'appellent les vaisseaux qui partent du cœur ?', 'les artères', ['les veines', 'les poumons', 'les tendons']],
        ['Pourquoi le cœur bat-il plus vite pendant une course ?', 'pour apporter plus de dioxygène aux muscles', ['parce qu\'il a peur', 'pour digérer plus vite', 'pour refroidir le corps']],
        ['Que transporte le sang vers les organes ?', 'du dioxygène et des nutriments', ['de l\'air pur', 'de la salive', 'des os']],
      ]),
      write('Les organes vitaux', [
        ['Quel organe pompe le sang ?', 'le cœur', ['coeur', 'le coeur']], ['Comment s\'appellent les organes de la respiration ?', 'les poumons'],
        ['Comment appelle-t-on les battements du cœur que l\'on sent au poignet ?', 'le pouls'], ['Quel muscle sous les poumons aide à respirer ?', 'le diaphragme'],
      ]),
    ]),
    mod('CM1', 'P3', 'l-energie', 'Les sources d\'énergie', 'Énergies renouvelables et non renouvelables ; économiser l\'énergie.', 9, [
      energy.slice(0, 5), energy.slice(5),
      ask('Produire et économiser l\'énergie', [
        ['Quelle machine transforme la force du vent en électricité ?', 'une éolienne', ['un panneau solaire', 'un barrage', 'une pile']],
        ['Que produit un panneau solaire ?', 'de l\'électricité', ['du vent', 'du pétrole', 'de l\'eau']],
        ['Quel geste permet d\'économiser l\'énergie ?', 'éteindre la lumière en quittant une pièce', ['laisser la télévision allumée', 'ouvrir la fenêtre avec le chauffage allumé', 'laisser couler l\'eau chaude']],
        ['Pourquoi dit-on que le charbon n\'est pas renouvelable ?', 'Il met des millions d\'années à se former.', ['Il est noir.', 'Il est trop léger.', 'On ne peut pas le brûler.']],
      ]),
    ]),
    mod('CM1', 'P4', 'changements-d-etat', 'Les changements d\'état de l\'eau', 'Fusion, solidification, évaporation, condensation et le cycle de l\'eau.', 12, [
      write('Les changements d\'état', [
        ['Comment appelle-t-on le passage de l\'état solide à l\'état liquide ?', 'la fusion'],
        ['Comment appelle-t-on le passage de l\'état liquide à l\'état solide ?', 'la solidification'],
        ['Comment appelle-t-on le passage de l\'état liquide à l\'état gazeux ?', 'la vaporisation', ['évaporation', 'l\'évaporation', 'ébullition', 'l\'ébullition']],
        ['Comment appelle-t-on le passage de l\'état gazeux à l\'état liquide ?', 'la condensation', ['liquéfaction', 'la liquéfaction']],
      ]),
      ask('Les changements d\'état', [
        ['Le linge mouillé sèche au soleil. Comment s\'appelle ce phénomène ?', 'l\'évaporation', ['la fusion', 'la solidification', 'la condensation']],
        ['Des gouttes se forment sur une bouteille sortie du réfrigérateur. Pourquoi ?', 'La vapeur d\'eau de l\'air se condense.', ['La bouteille fuit.', 'Le plastique fond.', 'L\'eau traverse la bouteille.']],
        ['Un bonhomme de neige fond au soleil. Comment s\'appelle ce phénomène ?', 'la fusion', ['l\'évaporation', 'la condensation', 'la solidification']],
        ['On met de l\'eau au congélateur. Comment s\'appelle ce phénomène ?', 'la solidification', ['la fusion', 'l\'évaporation', 'la condensation']],
      ]),
      [({ rng }) => sequence(rng, 'Le cycle de l\'eau', 'Range les étapes du cycle de l\'eau, en commençant par l\'évaporation.', WATER_CYCLE, 4, true),
        ({ rng }) => sequence(rng, 'Le cycle de l\'eau', 'Range les étapes du cycle de l\'eau, en commençant par l\'évaporation.', WATER_CYCLE, 5, true)],
    ]),
    mod('CM1', 'P5', 'terre-lune-soleil', 'La Terre, la Lune et le Soleil', 'Jours et nuits, phases de la Lune, ordre des planètes.', 12, [
      ask('Les mouvements de la Terre', [
        ['Pourquoi y a-t-il le jour et la nuit ?', 'parce que la Terre tourne sur elle-même', ['parce que le Soleil tourne autour de la Terre', 'parce que la Lune cache le Soleil', 'parce que le Soleil s\'éteint la nuit']],
        ['Combien de temps la Terre met-elle pour faire un tour sur elle-même ?', '24 heures', ['une semaine', 'un mois', 'un an']],
        ['Combien de temps la Terre met-elle pour faire le tour du Soleil ?', 'environ 365 jours', ['24 heures', 'environ 30 jours', 'environ 100 jours']],
        ['D\'où vient la lumière de la Lune ?', 'du Soleil, qui l\'éclaire', ['de la Lune elle-même', 'des étoiles', 'de la Terre']],
      ]),
      ask('La Lune et les saisons', [
        ['Combien de temps la Lune met-elle environ pour faire le tour de la Terre ?', 'environ un mois', ['un jour', 'un an', 'une heure']],
        ['Comment appelle-t-on la Lune quand on la voit entièrement éclairée ?', 'la pleine lune', ['la nouvelle lune', 'le premier quartier', 'le dernier quartier']],
        ['Qu\'est-ce qui explique les saisons ?', 'l\'inclinaison de l\'axe de la Terre', ['la distance entre la Terre et la Lune', 'les nuages', 'la vitesse du vent']],
        ['Quand c\'est l\'été en France, quelle saison est-ce en Australie ?', 'l\'hiver', ['l\'été', 'le printemps']],
      ]),
      [planets(5), planets(6), planets(7)],
    ]),

    // ---- CM2
    mod('CM2', 'P1', 'reproduction-des-plantes', 'La reproduction des plantes à fleurs', 'De la fleur au fruit, du fruit à la graine.', 12, [
      ask('La fleur', [
        ['Comment s\'appelle la poudre fabriquée par les étamines ?', 'le pollen', ['le nectar', 'la sève', 'la graine']],
        ['Quelles sont les parties mâles de la fleur ?', 'les étamines', ['le pistil', 'les sépales', 'les racines']],
        ['Quelle est la partie femelle de la fleur ?', 'le pistil', ['les étamines', 'les pétales', 'la tige']],
        ['Qui transporte souvent le pollen d\'une fleur à l\'autre ?', 'les insectes, comme les abeilles', ['les vers de terre', 'les poissons', 'les racines']],
      ]),
      [({ rng }) => sequence(rng, 'De la fleur à la plante', 'Range les étapes dans l\'ordre.', FLOWER_TO_PLANT, 3, true),
        ({ rng }) => sequence(rng, 'De la fleur à la plante', 'Range les étapes dans l\'ordre.', FLOWER_TO_PLANT, 4, true)],
      [({ rng }) => sequence(rng, 'De la fleur à la plante', 'Range les étapes dans l\'ordre.', FLOWER_TO_PLANT, 5, true),
        ...write('La reproduction des plantes', [
          ['Comment s\'appelle le transport du pollen d\'une fleur à une autre ?', 'la pollinisation'],
          ['Comment appelle-t-on le moment où une graine commence à pousser ?', 'la germination'],
          ['En quoi se transforme le pistil après la fécondation ?', 'le fruit', ['en fruit', 'en un fruit']],
        ])],
    ]),
    mod('CM2', 'P2', 'classification-du-vivant', 'Classer les animaux', 'Vertébrés et invertébrés ; mammifères, oiseaux, poissons, reptiles, amphibiens.', 12, [
      animalClass(0), animalClass(1),
      ask('Vertébrés et invertébrés', [
        ['Lequel de ces animaux est un invertébré ?', 'l\'escargot', ['le chat', 'le saumon', 'le lézard']],
        ['Qu\'ont en commun tous les vertébrés ?', 'un squelette intérieur avec une colonne vertébrale', ['des plumes', 'six pattes', 'des écailles']],
        ['Qu\'ont en commun tous les mammifères ?', 'les petits boivent le lait de leur mère', ['ils vivent tous sur terre', 'ils pondent tous des œufs', 'ils ont tous quatre pattes']],
        ['Combien de pattes a un insecte ?', 'six', ['quatre', 'huit', 'dix']],
        ['Combien de pattes a une araignée ?', 'huit', ['six', 'quatre', 'dix']],
      ]),
    ]),
    mod('CM2', 'P3', 'circuits-electriques', 'Les circuits électriques', 'Circuit en série ou en dérivation, court-circuit, sécurité.', 9, [
      [...conductor.slice(3, 9)],
      ask('Les circuits', [
        ['Dans un circuit en série, une ampoule grille. Que deviennent les autres ?', 'Elles s\'éteignent.', ['Elles brillent plus fort.', 'Elles restent allumées.', 'Elles changent de couleur.']],
        ['Dans un circuit en dérivation, une ampoule grille. Que deviennent les autres ?', 'Elles restent allumées.', ['Elles s\'éteignent toutes.', 'Elles explosent.', 'Elles clignotent.']],
        ['Qu\'est-ce qu\'un court-circuit ?', 'Le courant passe par un fil sans traverser l\'ampoule.', ['L\'ampoule est trop petite.', 'Le circuit est ouvert.', 'La pile est neuve.']],
        ['Pourquoi les fils électriques sont-ils entourés de plastique ?', 'Le plastique est un isolant qui nous protège.', ['Pour qu\'ils soient plus jolis.', 'Pour qu\'ils conduisent mieux.', 'Pour les rendre plus lourds.']],
      ]),
      write('Le vocabulaire de l\'électricité', [
        ['Comment appelle-t-on un matériau qui laisse passer le courant ?', 'un conducteur'],
        ['Comment appelle-t-on un matériau qui ne laisse pas passer le courant ?', 'un isolant'],
        ['Quel dispositif permet d\'ouvrir et de fermer un circuit ?', 'l\'interrupteur'],
      ]),
    ]),
    mod('CM2', 'P4', 'volcans-et-seismes', 'Volcans et séismes', 'La Terre bouge : volcans, séismes et comment se protéger.', 9, [
      ask('Les volcans', [
        ['Comment s\'appelle l\'ouverture au sommet d\'un volcan ?', 'le cratère', ['la cheminée', 'le magma', 'la coulée']],
        ['Où trouve-t-on des volcans endormis en France métropolitaine ?', 'en Auvergne', ['en Bretagne', 'en Normandie', 'en Alsace']],
        ['Quel volcan actif se trouve sur l\'île de La Réunion ?', 'le piton de la Fournaise', ['le mont Blanc', 'le Vésuve', 'le puy de Dôme']],
      ]),
      ask('Les séismes', [
        ['Comment appelle-t-on un tremblement de terre ?', 'un séisme', ['un cyclone', 'une éruption', 'une avalanche']],
        ['Comment appelle-t-on la vague géante provoquée par un séisme sous la mer ?', 'un tsunami', ['une marée', 'un cyclone', 'une tornade']],
        ['Comment s\'appellent les grands morceaux qui forment la surface de la Terre ?', 'les plaques tectoniques', ['les continents flottants', 'les cratères', 'les volcans']],
        ['Que faut-il faire à l\'école pendant un séisme ?', 's\'abriter sous une table solide', ['courir dans l\'escalier', 'se mettre près des fenêtres', 'prendre l\'ascenseur']],
      ]),
      write('Les volcans', [
        ['Comment appelle-t-on la roche fondue qui sort d\'un volcan ?', 'la lave'],
        ['Comment appelle-t-on la roche fondue sous la surface de la Terre ?', 'le magma'],
        ['Quel appareil enregistre les secousses d\'un séisme ?', 'le sismographe'],
      ]),
    ]),
    mod('CM2', 'P5', 'les-planetes', 'Les planètes du système solaire', 'Connaître les huit planètes, leur ordre et leurs particularités.', 12, [
      ask('Les planètes', [
        ['Quelle est la plus grande planète du système solaire ?', 'Jupiter', ['la Terre', 'Mars', 'Mercure']],
        ['Quelle planète est célèbre pour ses grands anneaux ?', 'Saturne', ['Mars', 'Vénus', 'Mercure']],
        ['Quelle planète surnomme-t-on la planète rouge ?', 'Mars', ['Vénus', 'Jupiter', 'Neptune']],
        ['Quelle planète est la plus proche du Soleil ?', 'Mercure', ['Vénus', 'la Terre', 'Neptune']],
        ['Quelle planète est la plus éloignée du Soleil ?', 'Neptune', ['Uranus', 'Saturne', 'Jupiter']],
      ]),
      ask('Explorer l\'espace', [
        ['Quelle est la planète la plus chaude du système solaire ?', 'Vénus', ['Mercure', 'Mars', 'Jupiter']],
        ['Qui a été le premier homme à marcher sur la Lune, en 1969 ?', 'Neil Armstrong', ['Youri Gagarine', 'Thomas Pesquet', 'Christophe Colomb']],
        ['Combien de temps la lumière du Soleil met-elle pour arriver sur Terre ?', 'environ 8 minutes', ['une seconde', 'un jour', 'un an']],
        ['Qu\'est-ce qu\'une étoile filante ?', 'une poussière qui brûle en entrant dans l\'atmosphère', ['une étoile qui tombe sur la Terre', 'une planète qui explose', 'un avion très rapide']],
      ]),
      [planets(6), planets(7), planets(8)],
    ]),
  ];
}
