## L’application dans son ensemble : la barre du haut, le démarrage, et les noms que
## plusieurs vues partagent.

tag-label-objective = Objectif { $number } : { $name }
tag-label-principle = Principe : { $name }
tag-unofficial = traduction non officielle

language-label = Langue
language-failed = La traduction { $language } n’a pas pu être chargée : l’interface est en anglais. Rechargez la page pour réessayer.
language-changed = L’interface est maintenant en français.
language-switch-failed = L’interface reste telle quelle : la traduction { $language } n’a pas pu être chargée ({ $reason }).

theme-label = Thème
    .title = Couleurs claires ou sombres, ou selon le réglage du système
theme-system = Thème du système
theme-light = Thème clair
theme-dark = Thème sombre

update-ready = Une nouvelle version de l’application est prête.
update-reload = Recharger pour mettre à jour
