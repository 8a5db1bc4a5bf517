## La aplicación en su conjunto: la barra superior, el arranque y los nombres que comparten
## varias vistas.

tag-label-objective = Objetivo { $number }: { $name }
tag-label-principle = Principio: { $name }
tag-unofficial = traducción no oficial

language-label = Idioma
language-failed = No se pudo cargar la traducción al { $language }, así que la interfaz está en inglés. Vuelva a cargar la página para intentarlo de nuevo.
language-changed = La interfaz está ahora en español.
language-switch-failed = La interfaz sigue como estaba: no se pudo cargar la traducción al { $language } ({ $reason }).

theme-label = Tema
    .title = Colores claros u oscuros, o según la configuración del sistema
theme-system = Tema del sistema
theme-light = Tema claro
theme-dark = Tema oscuro

update-ready = Hay una nueva versión de la aplicación.
update-reload = Recargar para actualizar
