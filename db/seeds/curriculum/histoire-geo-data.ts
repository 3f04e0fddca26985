/** Dates, places and names for the history and geography modules. */

/** [event as shown on a timeline, year (negative: before J.-C.)]. Years are the ones taught in class. */
export type Event = readonly [string, number];

export const ANTIQUITY_TO_MIDDLE_AGES: readonly Event[] = [
  ['La bataille d\'Alésia', -52], ['Le baptême de Clovis', 496], ['Charlemagne est couronné empereur', 800],
  ['Hugues Capet devient roi', 987], ['Jeanne d\'Arc délivre Orléans', 1429], ['Christophe Colomb arrive en Amérique', 1492],
];
export const MODERN_TIMES: readonly Event[] = [
  ['Gutenberg invente l\'imprimerie', 1450], ['Christophe Colomb arrive en Amérique', 1492], ['La bataille de Marignan', 1515],
  ['L\'édit de Nantes', 1598], ['Louis XIV s\'installe à Versailles', 1682],
];
export const REVOLUTION: readonly Event[] = [
  ['La prise de la Bastille', 1789], ['L\'exécution de Louis XVI', 1793], ['Napoléon est sacré empereur', 1804], ['La bataille de Waterloo', 1815],
  ['L\'abolition de l\'esclavage en France', 1848],
];
export const INVENTIONS: readonly Event[] = [
  ['L\'imprimerie', 1450], ['La machine à vapeur', 1769], ['Le téléphone', 1876], ['L\'ampoule électrique', 1879],
  ['L\'automobile', 1886], ['Le cinéma', 1895], ['Le premier vol des frères Wright', 1903], ['La télévision', 1926], ['Internet', 1990],
];
export const WORLD_WARS: readonly Event[] = [
  ['Le début de la Première Guerre mondiale', 1914], ['La bataille de Verdun', 1916], ['L\'armistice du 11 novembre', 1918],
  ['Le début de la Seconde Guerre mondiale', 1939], ['L\'appel du général de Gaulle', 1940], ['Le débarquement en Normandie', 1944],
  ['La fin de la guerre en Europe', 1945],
];
export const PREHISTORY: readonly string[] = [
  'Les hommes maîtrisent le feu.', 'Des hommes peignent la grotte de Lascaux.', 'Les hommes inventent l\'agriculture.', 'L\'écriture est inventée.',
];
export const PERIODS: readonly string[] = ['la Préhistoire', 'l\'Antiquité', 'le Moyen Âge', 'les Temps modernes', 'l\'Époque contemporaine'];

/** [what, period index in PERIODS]. */
export const PERIOD_ITEMS: readonly (readonly [string, number])[] = [
  ['les peintures de la grotte de Lascaux', 0], ['les outils en silex taillé', 0], ['les chasseurs de mammouths', 0],
  ['les pyramides d\'Égypte', 1], ['les combats de gladiateurs à Rome', 1], ['Vercingétorix et les Gaulois', 1],
  ['les châteaux forts', 2], ['les chevaliers', 2], ['Jeanne d\'Arc', 2],
  ['le château de Versailles', 3], ['le voyage de Christophe Colomb', 3], ['François Ier et Léonard de Vinci', 3],
  ['les premières automobiles', 4], ['la Première Guerre mondiale', 4], ['les premiers pas sur la Lune', 4],
];

export const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
export const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** [« de » + country, capital, tier]. */
export const EUROPE_CAPITALS: readonly (readonly [string, string, 0 | 1 | 2])[] = [
  ['de l\'Espagne', 'Madrid', 0], ['de l\'Italie', 'Rome', 0], ['de l\'Allemagne', 'Berlin', 0], ['du Royaume-Uni', 'Londres', 0], ['de la Belgique', 'Bruxelles', 0],
  ['du Portugal', 'Lisbonne', 1], ['de la Suisse', 'Berne', 1], ['de la Grèce', 'Athènes', 1], ['des Pays-Bas', 'Amsterdam', 1], ['de l\'Irlande', 'Dublin', 1],
  ['de la Pologne', 'Varsovie', 2], ['de l\'Autriche', 'Vienne', 2], ['de la Suède', 'Stockholm', 2], ['du Danemark', 'Copenhague', 2], ['de la Norvège', 'Oslo', 2],
];
export const WORLD_CAPITALS: readonly (readonly [string, string, 0 | 1 | 2])[] = [
  ['du Japon', 'Tokyo', 0], ['de la Chine', 'Pékin', 0], ['des États-Unis', 'Washington', 0], ['de la Russie', 'Moscou', 0], ['de l\'Égypte', 'Le Caire', 0],
  ['du Canada', 'Ottawa', 1], ['du Maroc', 'Rabat', 1], ['du Sénégal', 'Dakar', 1], ['de l\'Argentine', 'Buenos Aires', 1], ['de l\'Inde', 'New Delhi', 1], ['du Mexique', 'Mexico', 1],
  ['du Brésil', 'Brasília', 2], ['de l\'Australie', 'Canberra', 2], ['du Kenya', 'Nairobi', 2], ['de l\'Algérie', 'Alger', 2], ['de la Tunisie', 'Tunis', 2],
];

export const CONTINENTS = ['en Afrique', 'en Amérique', 'en Asie', 'en Europe', 'en Océanie'];
/** [country, continent index, tier]. */
export const COUNTRY_CONTINENT: readonly (readonly [string, number, 0 | 1])[] = [
  ['la France', 3, 0], ['l\'Italie', 3, 0], ['la Chine', 2, 0], ['le Japon', 2, 0], ['les États-Unis', 1, 0], ['le Brésil', 1, 0],
  ['l\'Égypte', 0, 0], ['le Maroc', 0, 0], ['l\'Australie', 4, 0],
  ['l\'Inde', 2, 1], ['le Canada', 1, 1], ['le Pérou', 1, 1], ['le Sénégal', 0, 1], ['Madagascar', 0, 1], ['la Nouvelle-Zélande', 4, 1],
  ['la Norvège', 3, 1], ['le Viêt Nam', 2, 1], ['le Kenya', 0, 1],
];

/** [city, region]: the 13 regions of metropolitan France. */
export const REGIONS: readonly (readonly [string, string, 0 | 1])[] = [
  ['Lyon', 'Auvergne-Rhône-Alpes', 0], ['Dijon', 'Bourgogne-Franche-Comté', 0], ['Rennes', 'Bretagne', 0], ['Orléans', 'Centre-Val de Loire', 0],
  ['Ajaccio', 'Corse', 0], ['Strasbourg', 'Grand Est', 0], ['Lille', 'Hauts-de-France', 0], ['Paris', 'Île-de-France', 0], ['Rouen', 'Normandie', 0],
  ['Bordeaux', 'Nouvelle-Aquitaine', 0], ['Toulouse', 'Occitanie', 0], ['Nantes', 'Pays de la Loire', 0], ['Marseille', 'Provence-Alpes-Côte d\'Azur', 0],
  ['Grenoble', 'Auvergne-Rhône-Alpes', 1], ['Brest', 'Bretagne', 1], ['Montpellier', 'Occitanie', 1], ['Nice', 'Provence-Alpes-Côte d\'Azur', 1],
  ['Reims', 'Grand Est', 1], ['Caen', 'Normandie', 1], ['Amiens', 'Hauts-de-France', 1], ['Limoges', 'Nouvelle-Aquitaine', 1], ['Tours', 'Centre-Val de Loire', 1],
  ['Angers', 'Pays de la Loire', 1], ['Besançon', 'Bourgogne-Franche-Comté', 1], ['Clermont-Ferrand', 'Auvergne-Rhône-Alpes', 1],
];

/** [city, river that flows through it]. */
export const RIVER_CITIES: readonly (readonly [string, string])[] = [
  ['Paris', 'la Seine'], ['Rouen', 'la Seine'], ['Nantes', 'la Loire'], ['Orléans', 'la Loire'], ['Tours', 'la Loire'],
  ['Lyon', 'le Rhône'], ['Avignon', 'le Rhône'], ['Bordeaux', 'la Garonne'], ['Toulouse', 'la Garonne'], ['Strasbourg', 'le Rhin'],
];
export const RIVERS = ['la Seine', 'la Loire', 'le Rhône', 'la Garonne', 'le Rhin'];
