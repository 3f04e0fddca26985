import type { Story } from './francais-lecture.js';

/** Original reading texts for CM1 and CM2, with a literal, a detail and an inference question. */

export const CM1_P1: readonly Story[] = [
  {
    text: 'Sur une île battue par les vents, un vieux phare veillait sur les bateaux. Chaque soir, Malo, le gardien, montait les cent douze marches de l\'escalier en colimaçon pour allumer la grande lampe. Une nuit de tempête, la lumière s\'éteignit brusquement. Malo ne perdit pas une seconde : il répara le mécanisme à la lueur d\'une bougie. Au petit matin, un chalutier rentra au port sans encombre, et son capitaine vint remercier le gardien.',
    questions: [
      ['Que devait faire Malo chaque soir ?', 'Allumer la grande lampe du phare', ['Réparer les bateaux', 'Pêcher des poissons', 'Fermer la porte du phare']],
      ['Combien de marches Malo montait-il ?', 'cent douze', ['cent', 'douze', 'deux cent douze']],
      ['Pourquoi le capitaine vient-il remercier Malo ?', 'Grâce à la lampe réparée, son bateau a pu rentrer sans danger.', ['Malo lui a offert une bougie.', 'Malo a réparé son bateau.', 'Malo l\'a invité à visiter le phare.']],
    ],
  },
  {
    text: 'Au mois de mars, Ninon planta une graine de tournesol dans un pot de terre. Elle l\'arrosa un peu chaque jour et posa le pot près de la fenêtre de sa chambre. Au bout d\'une semaine, une petite pousse verte sortit de la terre. En juillet, la plante dépassait Ninon d\'une tête ! Sa grande fleur jaune se tournait vers le soleil du matin au soir.',
    questions: [
      ['Quelle graine Ninon a-t-elle plantée ?', 'Une graine de tournesol', ['Une graine de haricot', 'Un pépin de pomme', 'Une graine de rose']],
      ['Où Ninon a-t-elle posé le pot ?', 'Près de la fenêtre de sa chambre', ['Dans le jardin', 'Sur la table de la cuisine', 'Dans le garage']],
      ['Que peut-on dire de la plante en juillet ?', 'Elle est plus grande que Ninon.', ['Elle n\'a pas encore de fleur.', 'Elle est plus petite que Ninon.', 'Elle a fané.']],
    ],
  },
  {
    text: 'Dans une ruche, chaque abeille a un rôle. La reine pond des milliers d\'œufs. Les ouvrières, elles, nettoient la ruche, nourrissent les larves et vont butiner les fleurs. Les mâles, appelés faux bourdons, sont peu nombreux. Sans les abeilles, beaucoup de fruits et de légumes ne pourraient pas pousser, car elles transportent le pollen d\'une fleur à l\'autre.',
    questions: [
      ['Qui pond les œufs dans la ruche ?', 'La reine', ['Les ouvrières', 'Les faux bourdons', 'Les larves']],
      ['Que font les ouvrières ?', 'Elles nettoient la ruche et butinent les fleurs.', ['Elles pondent des œufs.', 'Elles ne font rien.', 'Elles construisent des nids dans les arbres.']],
      ['Pourquoi les abeilles sont-elles utiles aux fruits et aux légumes ?', 'Elles transportent le pollen d\'une fleur à l\'autre.', ['Elles mangent les insectes nuisibles.', 'Elles arrosent les plantes.', 'Elles chassent les oiseaux.']],
    ],
  },
];

export const CM1_P5: readonly Story[] = [
  {
    text: 'Pendant les vacances, Samir et sa cousine Louise décidèrent de construire une cabane au fond du jardin de leur grand-père. Ils rassemblèrent des planches, des clous et une vieille bâche bleue. Le premier jour, le vent arracha la bâche et l\'emporta jusque dans le champ voisin. Loin de se décourager, les deux enfants la rattachèrent avec une solide corde. À la fin de la semaine, leur grand-père fut invité à prendre le goûter dans la cabane terminée.',
    questions: [
      ['Où les enfants construisent-ils leur cabane ?', 'Au fond du jardin de leur grand-père', ['Dans la forêt', 'Dans le champ voisin', 'Sur la plage']],
      ['Que se passe-t-il le premier jour ?', 'Le vent emporte la bâche.', ['Il pleut toute la journée.', 'Louise se blesse avec un clou.', 'Le grand-père démolit la cabane.']],
      ['Quel mot décrit le mieux Samir et Louise ?', 'persévérants', ['paresseux', 'peureux', 'impolis']],
    ],
  },
  {
    text: 'Chaque nuit, un jeune loup hurlait vers la lune, persuadé qu\'elle finirait par lui répondre. Les autres animaux de la forêt se moquaient de lui. Une nuit, la lune resta cachée derrière d\'épais nuages. Le loup, inquiet, chercha partout son amie silencieuse. Quand elle réapparut enfin, il comprit qu\'il n\'avait pas besoin de réponse : il lui suffisait de savoir qu\'elle était là.',
    questions: [
      ['Vers quoi le jeune loup hurle-t-il chaque nuit ?', 'Vers la lune', ['Vers les étoiles', 'Vers les autres animaux', 'Vers le soleil']],
      ['Pourquoi le loup ne voit-il plus la lune une nuit ?', 'Elle est cachée derrière des nuages.', ['Elle est partie dans une autre forêt.', 'Le loup s\'est endormi.', 'Le soleil s\'est levé.']],
      ['Qu\'a compris le loup à la fin ?', 'La présence de la lune lui suffit.', ['La lune va enfin lui répondre.', 'Il ne doit plus jamais hurler.', 'Les autres animaux avaient raison de se moquer.']],
    ],
  },
  {
    text: 'Un volcan est une montagne qui peut rejeter de la lave, des cendres et des gaz. Sous la croûte terrestre, la roche est si chaude qu\'elle fond : on l\'appelle le magma. Quand la pression devient trop forte, le magma remonte par une cheminée et jaillit par le cratère. À l\'air libre, il prend le nom de lave. En refroidissant, la lave durcit et forme de nouvelles roches. En France, la chaîne des Puys, en Auvergne, compte de nombreux volcans endormis.',
    questions: [
      ['Comment appelle-t-on la roche fondue sous la croûte terrestre ?', 'le magma', ['la lave', 'le cratère', 'la cendre']],
      ['Par où le magma sort-il du volcan ?', 'Par le cratère', ['Par les nuages', 'Par la mer', 'Par les racines des arbres']],
      ['Que devient la lave quand elle refroidit ?', 'De nouvelles roches', ['Du magma', 'Des gaz', 'De l\'eau']],
    ],
  },
];

export const CM2_P1: readonly Story[] = [
  {
    text: 'Monsieur Bertillon passait ses journées dans son atelier à inventer des machines étonnantes. La semaine dernière, il avait fabriqué un parapluie qui s\'ouvrait tout seul dès la première goutte. Hélas, l\'appareil se déclenchait aussi sous la douche, ce qui inondait la salle de bains. Sans se décourager, l\'inventeur nota dans son carnet : « Apprendre au parapluie la différence entre la pluie et la douche. » Puis il se remit au travail en sifflotant.',
    questions: [
      ['Qu\'a inventé Monsieur Bertillon la semaine dernière ?', 'Un parapluie qui s\'ouvre tout seul', ['Une douche automatique', 'Une machine à laver', 'Un carnet magique']],
      ['Quel problème pose son invention ?', 'Elle s\'ouvre aussi sous la douche.', ['Elle ne s\'ouvre jamais.', 'Elle est trop lourde.', 'Elle fait trop de bruit.']],
      ['Quel trait de caractère l\'inventeur montre-t-il à la fin ?', 'Il est optimiste et persévérant.', ['Il est triste et découragé.', 'Il est en colère contre la pluie.', 'Il est paresseux.']],
    ],
  },
  {
    text: 'La tortue luth est la plus grande des tortues marines : elle peut dépasser deux mètres de long et peser plus de cinq cents kilos. Contrairement aux autres tortues, sa carapace n\'est pas dure mais recouverte d\'une peau épaisse, comme du cuir. Elle parcourt chaque année des milliers de kilomètres à travers les océans pour trouver des méduses, sa nourriture préférée. Les femelles reviennent pondre sur la plage où elles sont nées. Aujourd\'hui, cette espèce est menacée, notamment par les sacs en plastique que les tortues confondent avec des méduses.',
    questions: [
      ['De quoi se nourrit surtout la tortue luth ?', 'De méduses', ['D\'algues', 'De crabes', 'De sacs en plastique']],
      ['Qu\'a de particulier la carapace de la tortue luth ?', 'Elle est couverte d\'une peau épaisse, comme du cuir.', ['Elle est très dure.', 'Elle est couverte d\'écailles colorées.', 'Elle change de couleur.']],
      ['Pourquoi les sacs en plastique sont-ils dangereux pour elle ?', 'Elle les avale en les prenant pour des méduses.', ['Ils bloquent les plages où elle pond.', 'Ils abîment sa carapace.', 'Ils font fuir les méduses.']],
    ],
  },
  {
    text: 'Chère Mamie, me voici à la montagne depuis lundi avec ma classe. Le matin, nous faisons du ski ; l\'après-midi, nous étudions les animaux et les plantes. Hier, j\'ai aperçu un chamois qui sautait de rocher en rocher ! Le soir, je suis si fatiguée que je m\'endors dès que je pose la tête sur l\'oreiller. Je rentre samedi et je te raconterai tout. Je t\'embrasse très fort. Capucine',
    questions: [
      ['Où se trouve Capucine ?', 'À la montagne', ['À la mer', 'Chez sa mamie', 'À la campagne']],
      ['Qu\'a vu Capucine hier ?', 'Un chamois', ['Un ours', 'Un aigle', 'Une marmotte']],
      ['Pourquoi Capucine écrit-elle à sa mamie ?', 'Pour lui raconter son séjour', ['Pour l\'inviter à la montagne', 'Pour lui demander de venir la chercher', 'Pour lui souhaiter son anniversaire']],
    ],
  },
];

export const CM2_P5: readonly Story[] = [
  {
    text: 'Depuis des années, la porte du grenier restait fermée à clé. Un jour de pluie, Elsa découvrit une clé rouillée dans un tiroir de la cuisine. Le cœur battant, elle grimpa l\'escalier grinçant et tourna la clé dans la serrure. Dans la pénombre, elle distingua une malle couverte de poussière. À l\'intérieur, des dizaines de lettres jaunies, toutes signées du même prénom : Rose, son arrière-grand-mère, qui avait traversé l\'océan un siècle plus tôt.',
    questions: [
      ['Où Elsa trouve-t-elle la clé ?', 'Dans un tiroir de la cuisine', ['Dans le grenier', 'Dans une malle', 'Sous l\'escalier']],
      ['Que contient la malle ?', 'Des lettres anciennes', ['Des jouets cassés', 'De vieux vêtements', 'Une carte au trésor']],
      ['Que ressent Elsa en montant l\'escalier ?', 'De l\'émotion et de l\'impatience', ['De l\'ennui', 'De la colère', 'De la tristesse']],
    ],
  },
  {
    text: 'Pour produire de l\'électricité, on peut utiliser des énergies qui ne s\'épuisent pas. Les éoliennes transforment la force du vent en électricité, tandis que les panneaux solaires captent la lumière du soleil. Les barrages, eux, utilisent la force de l\'eau des rivières. Ces énergies sont dites renouvelables, car la nature les renouvelle sans cesse. À l\'inverse, le pétrole, le charbon et le gaz ont mis des millions d\'années à se former : une fois utilisés, ils ne reviennent pas.',
    questions: [
      ['Que captent les panneaux solaires ?', 'La lumière du soleil', ['La force du vent', 'L\'eau des rivières', 'Le gaz']],
      ['Quelle énergie les barrages utilisent-ils ?', 'La force de l\'eau', ['La force du vent', 'Le charbon', 'La lumière du soleil']],
      ['Pourquoi le pétrole n\'est-il pas une énergie renouvelable ?', 'Il a mis des millions d\'années à se former et ne se reforme pas.', ['Il produit trop de lumière.', 'Il se trouve seulement dans les rivières.', 'Il ne peut pas produire d\'électricité.']],
    ],
  },
  {
    text: 'Pour le concours de cuisine de l\'école, Théo et Maya avaient choisi de préparer une tarte aux pommes. Théo, très sûr de lui, refusa de lire la recette jusqu\'au bout. Résultat : il versa du sel à la place du sucre ! Maya goûta la pâte et fit la grimace. Il restait une heure : ils recommencèrent tout, en suivant cette fois chaque étape. Leur tarte ne gagna pas le premier prix, mais le jury la trouva délicieuse.',
    questions: [
      ['Quel dessert Théo et Maya préparent-ils ?', 'Une tarte aux pommes', ['Un gâteau au chocolat', 'Une tarte aux fraises', 'Des crêpes']],
      ['Quelle erreur Théo fait-il ?', 'Il met du sel à la place du sucre.', ['Il oublie les pommes.', 'Il fait brûler la tarte.', 'Il renverse la farine.']],
      ['Quelle leçon peut-on tirer de cette histoire ?', 'Il faut lire les consignes jusqu\'au bout.', ['Il ne faut jamais cuisiner à deux.', 'Le sucre et le sel ont le même goût.', 'Il faut toujours gagner le premier prix.']],
    ],
  },
];
