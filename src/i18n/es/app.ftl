## La aplicación en su conjunto: la barra superior, el arranque y los nombres que comparten
## varias vistas.

tag-label-objective = Objetivo { $number }: { $name }
tag-label-principle = Principio: { $name }
tag-unofficial = traducción no oficial

language-label = Idioma
language-failed = No se pudo cargar la traducción al { $language }, así que la interfaz está en inglés. Vuelva a cargar la página para intentarlo de nuevo.
language-changed = La interfaz está ahora en español.
language-switch-failed = La interfaz sigue como estaba: no se pudo cargar la traducción al { $language } ({ $reason }).
