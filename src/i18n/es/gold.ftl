## El estándar de referencia: resolver los pasajes de una clase en una referencia (issue 23).

gold-title = Estándar de referencia
gold-intro = Resuelva cada pasaje en una sola referencia: conserve la versión de un anotador, la de la mayoría o ninguna. El estándar de referencia es suyo: edítelo como sus propias anotaciones, expórtelo y evalúe a la clase con él.
gold-nothing = Ningún anotador etiquetó un pasaje de este texto: no hay nada que resolver.
gold-progress = { $settled } de { $count } pasajes resueltos
gold-k = Al menos este número de los { $count } anotadores:
gold-accept = Aceptar cada pasaje en que coinciden
gold-k-rule = La coincidencia se cuenta por caracteres: en cada pasaje aún sin resolver se conserva el texto que al menos ese número de anotadores etiquetó con la misma etiqueta; donde no lo hay, el pasaje queda para que usted lo resuelva.
gold-accepted = { $count ->
    [one] { $count } pasaje resuelto en que al menos { $k } de { $n } anotadores coinciden.
   *[other] { $count } pasajes resueltos en que al menos { $k } de { $n } anotadores coinciden.
}
gold-accepted-none = Ningún pasaje tiene texto en que coincidan { $k } de { $n } anotadores.
gold-all-settled = Todos los pasajes ya están resueltos: aceptar de nuevo no cambia nada. Recórralos para cambiar uno.
gold-item = Pasaje { $number } de { $count }: { $tag }, «{ $quote }»
gold-now = En el estándar de referencia: { $quotes }
gold-now-none = Aún sin resolver.
gold-now-nothing = Resuelto: nada de esta etiqueta aquí.
gold-version = { $who }: { $quotes }
gold-version-none = { $who }: nada aquí
gold-more = (y { $count } más)
gold-quote = «{ $quote }»
gold-keep = Conservar
gold-keep-who = Conservar la versión de { $who }
gold-majority = Conservar la de la mayoría
gold-majority-none = Ningún texto aquí está etiquetado por una mayoría ({ $k } de { $n }).
gold-none = No conservar ninguna
gold-previous = Pasaje anterior
gold-next = Pasaje siguiente
gold-next-unsettled = Siguiente sin resolver
gold-key = Estándar de referencia ({ $count ->
    [one] { $count } pasaje
   *[other] { $count } pasajes
})
gold-name = Estándar de referencia
gold-badge = estándar de referencia
