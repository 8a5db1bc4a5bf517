## Codebook names in French: for every tag id X of src/codebook.rs, tag-short-X is its
## short name and tag-title-X its title (objective: full title; principle: a one-sentence
## paraphrase of what it means).
## Where the wording comes from: objective titles are the official French text of the Global
## Compact (A/RES/73/195, paragraph 16) where a public source quotes it; short names of
## objectives and principle names are the labels the UN Network on Migration publishes
## (https://migrationnetwork.un.org/fr/hub); principle names are the paragraph 15 headings.
## Rule: a message whose wording was found in a public source has a "# Source:" comment and no
## attribute; every other message is our own translation and has ".wording = unofficial",
## which the UI shows as unofficial. Principle descriptions paraphrase the Compact in English,
## so their translations are always unofficial.

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-1 = Données
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/detail/279; also https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-1 = Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de politiques fondées sur la connaissance des faits

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-2 = Lutter contre les facteurs négatifs
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/280; also https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-2 = Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d’origine

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-3 = Fourniture d’informations
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives); also https://ppguide.unwomen.org/fr/objectives?mode=table (UN Women, GCM policy guide)
tag-title-objective-3 = Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-4 = Identité légale et papiers
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/282; also https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-4 = Munir tous les migrants d’une preuve d’identité légale et de papiers adéquats

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-5 = Filières de migration régulière
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives); also https://ppguide.unwomen.org/fr/objectives?mode=table (UN Women, GCM policy guide)
tag-title-objective-5 = Faire en sorte que les filières de migration régulière soient accessibles et plus souples

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-6 = Recrutement et travail décent
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/284; also https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-6 = Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-7 = Réduire la vulnérabilité
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives); also https://ppguide.unwomen.org/fr/objectives?mode=table (UN Women, GCM policy guide)
tag-title-objective-7 = S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-8 = Sauver des vies
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives); also https://ppguide.unwomen.org/fr/objectives?mode=table (UN Women, GCM policy guide)
tag-title-objective-8 = Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-9 = Combattre le trafic de migrants
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives); also https://ppguide.unwomen.org/fr/objectives?mode=table (UN Women, GCM policy guide)
tag-title-objective-9 = Renforcer l’action transnationale face au trafic de migrants

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-10 = Éradiquer la traite de personnes
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-10 = Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-11 = Gérer les frontières
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-11 = Gérer les frontières de manière intégrée, sûre et coordonnée

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-12 = Contrôle, évaluation et orientation
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-12 = Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, des évaluations et une orientation appropriés

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-13 = Alternatives à la rétention
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-13 = Ne recourir au placement en rétention administrative des migrants qu’en dernier ressort et chercher des solutions de rechange

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-14 = Protection consulaire
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-14 = Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle migratoire

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-15 = Accès aux services de base
# Source: https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51 (Parliament of Canada, CIMM report 23, annex B: the 23 objectives)
tag-title-objective-15 = Assurer l’accès des migrants aux services de base

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-16 = Intégration et cohésion sociale
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/294; also https://ppguide.unwomen.org/fr/objective/16 (UN Women, GCM policy guide)
tag-title-objective-16 = Donner aux migrants et aux sociétés des moyens en faveur de la pleine intégration et de la cohésion sociale

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-17 = Éliminer les discriminations
# Source: https://ppguide.unwomen.org/fr/objective/17 (UN Women, GCM policy guide)
tag-title-objective-17 = Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse des faits afin de faire évoluer la manière dont les migrations sont perçues

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-18 = Perfectionnement et reconnaissance des qualifications
# Source: https://ppguide.unwomen.org/fr/objective/18 (UN Women, GCM policy guide)
tag-title-objective-18 = Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-19 = Contributions des migrants et diaspora
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/detail/297
tag-title-objective-19 = Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-20 = Envois de fonds
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/298
tag-title-objective-20 = Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser l’inclusion financière des migrants

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-21 = Retour digne et réintégration durable
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/299
tag-title-objective-21 = Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dignité, ainsi que leur réintégration durable

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-22 = Protection sociale
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/detail/300
tag-title-objective-22 = Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration label, not resolution text)
tag-short-objective-23 = Coopération internationale
# Source: https://migrationnetwork.un.org/fr/taxonomy/term/detail/301; also https://ppguide.unwomen.org/fr/objective/23 (UN Women, GCM policy guide)
tag-title-objective-23 = Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-human-rights = Droits de l’homme
tag-title-principle-human-rights = Fondé sur le droit international des droits de l’homme ; défend les principes de non-régression et de non-discrimination, ainsi que les droits de l’homme de tous les migrants, quel que soit leur statut.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-child-sensitive = Adaptation aux besoins de l’enfant
tag-title-principle-child-sensitive = Promeut les obligations juridiques internationales existantes relatives aux droits de l’enfant et l’intérêt supérieur de l’enfant en toutes circonstances.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-whole-of-society-approach = Approche mobilisant l’ensemble de la société
tag-title-principle-whole-of-society-approach = De vastes partenariats multipartites : migrants, diasporas, communautés locales, société civile, milieux universitaires, secteur privé et autres acteurs.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-international-cooperation = Coopération internationale
tag-title-principle-international-cooperation = Les migrations sont un phénomène transnational qu’aucun État ne peut traiter seul ; la coopération et le dialogue sont nécessaires.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-rule-of-law-and-due-process = Primauté du droit et garanties d’une procédure régulière
tag-title-principle-rule-of-law-and-due-process = Respect, protection et réalisation de la primauté du droit, des garanties d’une procédure régulière et de l’accès à la justice.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-gender-responsive = Prise en compte de la problématique femmes-hommes
tag-title-principle-gender-responsive = Respecte les droits de l’homme des femmes, des hommes, des filles et des garçons à toutes les étapes de la migration et intègre une perspective de genre.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-whole-of-government-approach = Approche mobilisant l’ensemble des pouvoirs publics
tag-title-principle-whole-of-government-approach = Les politiques migratoires exigent une cohérence horizontale et verticale entre tous les secteurs et à tous les niveaux de l’administration.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label); https://migrationnetwork.un.org/fr/taxonomy/term/detail/738 (quotes the paragraph 15 heading)
tag-short-principle-people-centered = Priorité à la dimension humaine
tag-title-principle-people-centered = Une forte dimension humaine : promeut le bien-être des migrants et des membres des communautés dans les pays d’origine, de transit et de destination.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-national-sovereignty = Souveraineté nationale
tag-title-principle-national-sovereignty = Réaffirme le droit souverain des États de définir leur politique migratoire nationale, conformément au droit international.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/fr/hub?gcm_objectives=283 (UN Network on Migration guiding-principle label)
tag-short-principle-sustainable-development = Développement durable
tag-title-principle-sustainable-development = Ancré dans le Programme de développement durable à l’horizon 2030 ; les migrations comme réalité multidimensionnelle du développement durable.
    .wording = unofficial
