import { ask, moduleOf, write } from './bank.js';
import * as D from './histoire-geo-data.js';
import { capital, capitalWritten, chronoOf, continent, region, whenOf } from './histoire-geo-gen.js';
import type { ModuleSpec } from './util.js';

/** Histoire et géographie (CM1, CM2). */

const mod = moduleOf('HISTOIRE_GEOGRAPHIE');

export function cycle3(): ModuleSpec[] {
  return [
    // ---- CM1
    mod('CM1', 'P1', 'gaulois-et-romains', 'Les Gaulois et les Romains', 'La conquête de la Gaule et la civilisation gallo-romaine.', 9, [
      ask('La Gaule', [
        ['Quel chef gaulois a résisté à Jules César ?', 'Vercingétorix', ['Clovis', 'Charlemagne', 'Astérix']],
        ['En quelle année a eu lieu la bataille d\'Alésia ?', '52 av. J.-C.', ['52 apr. J.-C.', '496', '800']],
        ['Quel général romain a conquis la Gaule ?', 'Jules César', ['Napoléon', 'Charlemagne', 'Vercingétorix']],
      ]),
      ask('Les Gallo-Romains', [
        ['Comment appelle-t-on un pont qui transporte de l\'eau, comme le pont du Gard ?', 'un aqueduc', ['un viaduc', 'un amphithéâtre', 'un rempart']],
        ['Quelle langue parlaient les Romains ?', 'le latin', ['le grec', 'le gaulois', 'l\'anglais']],
        ['Quel roi des Francs s\'est fait baptiser vers 496 ?', 'Clovis', ['Charlemagne', 'Hugues Capet', 'Louis XIV']],
      ]),
      [chronoOf('Frise chronologique', D.ANTIQUITY_TO_MIDDLE_AGES.slice(0, 4), [3, 4])],
    ]),
    mod('CM1', 'P2', 'les-regions-de-france', 'Les régions de France', 'Les treize régions de métropole et leurs grandes villes.', 12, [
      region(0), region(1),
      write('Les chefs-lieux de région', D.REGIONS.filter((r) => r[2] === 0 && r[0] !== 'Paris').map(([city, reg]) => [`Quelle est la ville chef-lieu de la région ${reg} ?`, city] as const), { ignoreAccents: true }),
    ]),
    mod('CM1', 'P3', 'le-moyen-age', 'Le Moyen Âge', 'Rois, seigneurs, chevaliers et paysans.', 12, [
      ask('Le Moyen Âge', [
        ['En quelle année Charlemagne est-il couronné empereur ?', '800', ['496', '987', '1515']],
        ['Dans un château fort, comment s\'appelle la grosse tour principale ?', 'le donjon', ['le pont-levis', 'la douve', 'le créneau']],
        ['Qui cultivait les terres du seigneur ?', 'les paysans', ['les chevaliers', 'les moines copistes', 'les rois']],
        ['Comment appelle-t-on la cérémonie où un jeune noble devient chevalier ?', 'l\'adoubement', ['le sacre', 'le baptême', 'le mariage']],
      ]),
      ask('Le Moyen Âge', [
        ['Qui a délivré la ville d\'Orléans assiégée par les Anglais en 1429 ?', 'Jeanne d\'Arc', ['Aliénor d\'Aquitaine', 'Catherine de Médicis', 'Marie-Antoinette']],
        ['Qui devient roi de France en 987 ?', 'Hugues Capet', ['Clovis', 'Louis XIV', 'Charlemagne']],
        ['Quel roi est aussi appelé Saint Louis ?', 'Louis IX', ['Louis XIV', 'Louis XVI', 'Clovis']],
        ['Qui recopiait les livres à la main dans les monastères ?', 'les moines copistes', ['les chevaliers', 'les paysans', 'les imprimeurs']],
      ]),
      [chronoOf('Frise chronologique', D.ANTIQUITY_TO_MIDDLE_AGES, [4, 5]), whenOf('Les dates du Moyen Âge', D.ANTIQUITY_TO_MIDDLE_AGES)],
    ]),
    mod('CM1', 'P4', 'les-temps-modernes', 'Les Temps modernes', 'Grandes découvertes, Renaissance et monarchie absolue.', 9, [
      ask('Les Temps modernes', [
        ['Quel roi a fait construire le château de Versailles ?', 'Louis XIV', ['François Ier', 'Louis XVI', 'Henri IV']],
        ['Comment surnomme-t-on Louis XIV ?', 'le Roi-Soleil', ['le Roi-Lune', 'le Bon Roi', 'le Roi-Chevalier']],
        ['Qui a atteint l\'Amérique en 1492 ?', 'Christophe Colomb', ['Magellan', 'Jacques Cartier', 'Marco Polo']],
      ]),
      ask('Les Temps modernes', [
        ['Quelle bataille François Ier a-t-il remportée en 1515 ?', 'Marignan', ['Alésia', 'Waterloo', 'Verdun']],
        ['Quel artiste italien François Ier a-t-il accueilli en France ?', 'Léonard de Vinci', ['Picasso', 'Victor Hugo', 'Molière']],
        ['Qu\'accorde l\'édit de Nantes en 1598 ?', 'la liberté de culte aux protestants', ['le droit de vote aux femmes', 'l\'abolition de l\'esclavage', 'l\'école obligatoire']],
      ]),
      [chronoOf('Frise chronologique', D.MODERN_TIMES, [3, 4, 5]), whenOf('Les dates des Temps modernes', D.MODERN_TIMES)],
    ]),
    mod('CM1', 'P5', 'revolution-et-empire', 'La Révolution et l\'Empire', 'De la prise de la Bastille à la chute de Napoléon.', 12, [
      ask('La Révolution française', [
        ['Que s\'est-il passé le 14 juillet 1789 ?', 'la prise de la Bastille', ['le sacre de Napoléon', 'la bataille de Waterloo', 'la fin de la guerre']],
        ['Quel texte de 1789 affirme que les hommes naissent libres et égaux en droits ?', 'la Déclaration des droits de l\'homme et du citoyen', ['le Code civil', 'l\'édit de Nantes', 'la Marseillaise']],
        ['Quel roi a été exécuté en 1793 ?', 'Louis XVI', ['Louis XIV', 'Henri IV', 'François Ier']],
        ['Quelle est la devise de la République française ?', 'Liberté, Égalité, Fraternité', ['Travail, Famille, Patrie', 'Un pour tous, tous pour un', 'Paix et Amour']],
      ]),
      ask('Napoléon', [
        ['Qui est sacré empereur des Français en 1804 ?', 'Napoléon Ier', ['Louis XVI', 'Charlemagne', 'Louis XIV']],
        ['Quel grand recueil de lois Napoléon a-t-il fait rédiger ?', 'le Code civil', ['la Déclaration des droits de l\'homme', 'l\'édit de Nantes', 'la Constitution européenne']],
        ['Quelle bataille marque la défaite finale de Napoléon en 1815 ?', 'Waterloo', ['Austerlitz', 'Marignan', 'Verdun']],
        ['Sur quelle île Napoléon a-t-il fini sa vie ?', 'Sainte-Hélène', ['la Corse', 'l\'île d\'Elbe', 'la Réunion']],
      ]),
      [chronoOf('Frise chronologique', D.REVOLUTION, [3, 4, 5]), whenOf('Les dates de la Révolution et de l\'Empire', D.REVOLUTION)],
    ]),

    // ---- CM2
    mod('CM2', 'P1', 'la-republique', 'Le temps de la République', 'Les symboles et les grandes lois de la République.', 12, [
      ask('Les symboles de la République', [
        ['Quel est l\'hymne national de la France ?', 'La Marseillaise', ['La Carmagnole', 'Au clair de la lune', 'L\'Hymne à la joie']],
        ['Quelle est la date de la fête nationale française ?', 'le 14 juillet', ['le 11 novembre', 'le 1er mai', 'le 8 mai']],
        ['Quelle figure féminine représente la République française ?', 'Marianne', ['Jeanne d\'Arc', 'Marie-Antoinette', 'Cléopâtre']],
        ['Où se réunissent les députés qui votent les lois ?', 'à l\'Assemblée nationale', ['à l\'Élysée', 'à la mairie', 'au château de Versailles']],
      ]),
      ask('Les grandes lois', [
        ['Qui a rendu l\'école gratuite, laïque et obligatoire en 1881-1882 ?', 'Jules Ferry', ['Napoléon', 'Victor Hugo', 'Louis XIV']],
        ['En quelle année l\'esclavage est-il définitivement aboli en France ?', '1848', ['1789', '1914', '1515']],
        ['En quelle année les Françaises obtiennent-elles le droit de vote ?', '1944', ['1789', '1848', '1968']],
        ['Que signifie une école « laïque » ?', 'Elle est neutre : aucune religion n\'y est enseignée.', ['Elle est payante.', 'Elle est réservée aux garçons.', 'Elle est ouverte le dimanche.']],
      ]),
      write('La République', [
        ['Complète la devise de la République : Liberté, Égalité, …', 'Fraternité'],
        ['Comment s\'appelle l\'hymne national de la France ?', 'La Marseillaise', ['Marseillaise']],
        ['Quel est le prénom de la femme qui symbolise la République ?', 'Marianne'],
        ['Comment s\'appelle le palais où travaille le président de la République ?', 'Élysée', ['l\'Élysée', 'palais de l\'Élysée', 'le palais de l\'Élysée']],
      ], { ignoreAccents: true }),
    ]),
    mod('CM2', 'P2', 'l-age-industriel', 'L\'âge industriel', 'Machines à vapeur, usines, chemins de fer et inventions.', 12, [
      ask('La révolution industrielle', [
        ['Quelle machine est au cœur de la révolution industrielle ?', 'la machine à vapeur', ['l\'ordinateur', 'le moulin à vent', 'la charrue']],
        ['Quel combustible faisait fonctionner les machines à vapeur ?', 'le charbon', ['l\'essence', 'l\'électricité solaire', 'le vent']],
        ['Quel moyen de transport se développe au XIXe siècle grâce à la vapeur ?', 'le chemin de fer', ['l\'avion', 'la fusée', 'le métro électrique']],
        ['Pourquoi beaucoup de paysans partent-ils vivre en ville au XIXe siècle ?', 'pour travailler dans les usines', ['pour aller à la plage', 'pour fuir la guerre', 'pour étudier à l\'université']],
      ]),
      [whenOf('Les grandes inventions', D.INVENTIONS.slice(1, 8), 'l\'invention'), ...ask('Les inventeurs', [
        ['Qui a inventé le cinéma en 1895 ?', 'les frères Lumière', ['les frères Wright', 'Thomas Edison', 'Louis Pasteur']],
        ['Quel savant a mis au point le vaccin contre la rage ?', 'Louis Pasteur', ['Jules Ferry', 'Victor Hugo', 'Gustave Eiffel']],
        ['Pour quelle exposition universelle la tour Eiffel a-t-elle été construite ?', 'celle de 1889, à Paris', ['celle de 1789, à Versailles', 'celle de 1945, à Londres', 'celle de 2000, à Berlin']],
      ])],
      [chronoOf('Les grandes inventions', D.INVENTIONS, [4, 5])],
    ]),
    mod('CM2', 'P3', 'les-guerres-mondiales', 'Les deux guerres mondiales', 'La Grande Guerre, la Seconde Guerre mondiale et la paix en Europe.', 12, [
      ask('La Première Guerre mondiale', [
        ['Quelles sont les dates de la Première Guerre mondiale ?', '1914-1918', ['1939-1945', '1870-1871', '1789-1799']],
        ['Que commémore-t-on le 11 novembre ?', 'l\'armistice de 1918', ['la prise de la Bastille', 'la victoire de 1945', 'le débarquement']],
        ['Comment appelait-on les soldats français de la Première Guerre mondiale ?', 'les poilus', ['les grognards', 'les chevaliers', 'les mousquetaires']],
        ['Dans quelle ville a eu lieu une terrible bataille en 1916 ?', 'Verdun', ['Waterloo', 'Alésia', 'Marignan']],
      ]),
      ask('La Seconde Guerre mondiale', [
        ['Quelles sont les dates de la Seconde Guerre mondiale ?', '1939-1945', ['1914-1918', '1870-1871', '1945-1950']],
        ['Qui lance un appel à la résistance depuis Londres le 18 juin 1940 ?', 'le général de Gaulle', ['Napoléon', 'Jules Ferry', 'Jean Jaurès']],
        ['Que s\'est-il passé le 6 juin 1944 ?', 'le débarquement des Alliés en Normandie', ['l\'armistice de 1918', 'la prise de la Bastille', 'la création de l\'euro']],
        ['Que commémore-t-on le 8 mai ?', 'la victoire des Alliés en Europe en 1945', ['l\'armistice de 1918', 'la fête nationale', 'la fête du travail']],
      ]),
      [chronoOf('Frise chronologique', D.WORLD_WARS, [4, 5]), whenOf('Les dates des guerres mondiales', D.WORLD_WARS)],
    ]),
    mod('CM2', 'P4', 'continents-et-oceans', 'Le monde : continents et océans', 'Situer les pays, les continents et les océans.', 12, [
      continent(1),
      ask('Les océans', [
        ['Quel est le plus grand océan du monde ?', 'l\'océan Pacifique', ['l\'océan Atlantique', 'l\'océan Indien', 'l\'océan Arctique']],
        ['Quel océan baigne les côtes de l\'Inde et de Madagascar ?', 'l\'océan Indien', ['l\'océan Arctique', 'l\'océan Atlantique', 'l\'océan Pacifique']],
        ['Quel océan entoure l\'Antarctique ?', 'l\'océan Austral', ['l\'océan Arctique', 'l\'océan Indien', 'l\'océan Atlantique']],
        ['Sur quelle île de l\'océan Indien se trouve un département français ?', 'La Réunion', ['la Corse', 'la Martinique', 'la Guadeloupe']],
        ['Dans quel océan se trouvent la Martinique et la Guadeloupe ?', 'l\'océan Atlantique', ['l\'océan Indien', 'l\'océan Pacifique', 'l\'océan Arctique']],
      ]),
      write('Les océans', [
        ['Quel océan sépare l\'Europe de l\'Amérique ?', 'Atlantique', ['océan Atlantique', 'l\'océan Atlantique', 'l\'Atlantique']],
        ['Quel est le plus grand océan du monde ?', 'Pacifique', ['océan Pacifique', 'l\'océan Pacifique', 'le Pacifique']],
        ['Quel océan entoure le pôle Nord ?', 'Arctique', ['océan Arctique', 'l\'océan Arctique', 'l\'Arctique']],
        ['Sur quel continent se trouve le Brésil ?', 'Amérique', ['en Amérique', 'l\'Amérique', 'Amérique du Sud', 'en Amérique du Sud']],
      ], { ignoreAccents: true }),
    ]),
    mod('CM2', 'P5', 'capitales-du-monde', 'Les capitales du monde', 'Les grands pays du monde et leurs capitales ; l\'Union européenne.', 12, [
      capital(D.WORLD_CAPITALS, 0), [...capital(D.WORLD_CAPITALS, 1), ...capital(D.EUROPE_CAPITALS, 2), ...ask('L\'Union européenne', [
        ['Combien d\'étoiles figurent sur le drapeau européen ?', '12', ['27', '10', '50']],
        ['Quelle est la monnaie de la France et de nombreux pays de l\'Union européenne ?', 'l\'euro', ['le franc', 'le dollar', 'la livre']],
      ])],
      capitalWritten(D.WORLD_CAPITALS.filter((c) => c[2] < 2)),
    ]),
  ];
}
