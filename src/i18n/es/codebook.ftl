## Codebook names in Spanish: for every tag id X of src/codebook.rs, tag-short-X is its
## short name and tag-title-X its title (objective: full title; principle: a one-sentence
## paraphrase of what it means).
## Where the wording comes from: objective titles are the official Spanish text of the Global
## Compact (A/RES/73/195, paragraph 16) where a public source quotes it; short names of
## objectives and principle names are the labels the UN Network on Migration publishes
## (https://migrationnetwork.un.org/es/hub); principle names are the paragraph 15 headings.
## Rule: a message whose wording was found in a public source has a "# Source:" comment and no
## attribute; every other message is our own translation and has ".wording = unofficial",
## which the UI shows as unofficial. Principle descriptions paraphrase the Compact in English,
## so their translations are always unofficial.

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-1 = Datos
# Source: https://emm.iom.int/es/handbooks/trata-de-personas-y-formas-conexas-de-explotacion-y-abuso/recopilacion-de-datos-analisis (IOM Essentials of Migration Management, quoting objective 1)
tag-title-objective-1 = Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-2 = Minimizar factores adversos
# Source: https://migrationnetwork.un.org/es/taxonomy/term/280
tag-title-objective-2 = Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-3 = Proporcionar información
# Source: https://ppguide.unwomen.org/es/objective/3 (UN Women, GCM policy guide)
tag-title-objective-3 = Proporcionar información exacta y oportuna en todas las etapas de la migración

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-4 = Identidad jurídica y documentación
# Source: https://migrationnetwork.un.org/es/taxonomy/term/detail/282
tag-title-objective-4 = Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-5 = Vías de migración regular
# Source: https://migrationnetwork.un.org/es/taxonomy/term/283
tag-title-objective-5 = Aumentar la disponibilidad y flexibilidad de las vías de migración regular

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-6 = Contratación y trabajo decente
# Source: https://migrationnetwork.un.org/es/taxonomy/term/284
tag-title-objective-6 = Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-7 = Reducir vulnerabilidades
# Source: https://migrationnetwork.un.org/es/taxonomy/term/285
tag-title-objective-7 = Abordar y reducir las vulnerabilidades en la migración

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-8 = Salvar vidas
# Source: https://lac.iom.int/es/objetivo-8-salvar-vidas-y-emprender-iniciativas-internacionales-coordinadas-sobre-los-migrantes-desaparecidos (IOM Latin America and the Caribbean)
tag-title-objective-8 = Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-9 = Combatir el tráfico de migrantes
# Source: https://migrationnetwork.un.org/es/taxonomy/term/detail/287
tag-title-objective-9 = Reforzar la respuesta transnacional al tráfico ilícito de migrantes

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-10 = Erradicar la trata de personas
# Source: https://migrationnetwork.un.org/es/taxonomy/term/288
tag-title-objective-10 = Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-11 = Gestión de fronteras
# Source: https://migrationnetwork.un.org/es/taxonomy/term/289
tag-title-objective-11 = Gestionar las fronteras de manera integrada, segura y coordinada

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-12 = Verificación de antecedentes y derivación
# Source: https://migrationnetwork.un.org/es/taxonomy/term/290
tag-title-objective-12 = Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-13 = Alternativas a la detención
# Source: https://migrationnetwork.un.org/es/taxonomy/term/detail/291
tag-title-objective-13 = Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-14 = Protección consular
# Source: https://lac.iom.int/es/objetivo-14-mejorar-la-proteccion-asistencia-y-cooperacion-consulares-lo-largo-de-todo-el-ciclo-migratorio (IOM Latin America and the Caribbean)
tag-title-objective-14 = Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-15 = Acceso a los servicios básicos
# Not found in a public source: our translation, believed close to the resolution text.
tag-title-objective-15 = Proporcionar a los migrantes acceso a los servicios básicos
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-16 = Inclusión y cohesión social
# Not found in a public source: our translation, believed close to the resolution text.
tag-title-objective-16 = Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-17 = Eliminar la discriminación
# Not found in a public source: our translation, believed close to the resolution text.
tag-title-objective-17 = Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-18 = Desarrollo y reconocimiento de competencias
# Source: https://migrationnetwork.un.org/es/taxonomy/term/detail/296
tag-title-objective-18 = Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-19 = Contribución de migrantes y diásporas
# Source: https://migrationnetwork.un.org/es/taxonomy/term/297
tag-title-objective-19 = Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-20 = Remesas
# Source: https://ppguide.unwomen.org/es/objective/20 (UN Women, GCM policy guide)
tag-title-objective-20 = Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-21 = Retorno y reintegración dignos
# Source: https://migrationnetwork.un.org/es/taxonomy/term/detail/299
tag-title-objective-21 = Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-22 = Protección social
# Source: https://migrationnetwork.un.org/es/taxonomy/term/detail/300
tag-title-objective-22 = Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration label, not resolution text)
tag-short-objective-23 = Cooperación internacional
# Source: https://ppguide.unwomen.org/es/objective/23 (UN Women, GCM policy guide)
tag-title-objective-23 = Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label); https://migrationnetwork.un.org/es/taxonomy/term/detail/259 (quotes the paragraph 15 heading)
tag-short-principle-human-rights = Derechos humanos
tag-title-principle-human-rights = Se basa en el derecho internacional de los derechos humanos; defiende los principios de no regresión y no discriminación, y los derechos humanos de todos los migrantes, independientemente de su estatus migratorio.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label); https://migrationnetwork.un.org/es/taxonomy/term/detail/257 (quotes the paragraph 15 heading)
tag-short-principle-child-sensitive = Perspectiva infantil
tag-title-principle-child-sensitive = Promueve las obligaciones jurídicas internacionales vigentes sobre los derechos del niño y el interés superior del niño en todas las situaciones.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label)
tag-short-principle-whole-of-society-approach = Enfoque pansocial
tag-title-principle-whole-of-society-approach = Amplias alianzas entre múltiples interesados: migrantes, diásporas, comunidades locales, sociedad civil, instituciones académicas, sector privado y otros.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label); https://migrationnetwork.un.org/es/taxonomy/term/739 (quotes the paragraph 15 heading)
tag-short-principle-international-cooperation = Cooperación internacional
tag-title-principle-international-cooperation = La migración es un fenómeno transnacional que ningún Estado puede abordar en solitario; se necesitan cooperación y diálogo.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label)
tag-short-principle-rule-of-law-and-due-process = Estado de derecho y garantías procesales
tag-title-principle-rule-of-law-and-due-process = Respeto, protección y cumplimiento del estado de derecho, las garantías procesales y el acceso a la justicia.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label); https://migrationnetwork.un.org/es/taxonomy/term/258 (quotes the paragraph 15 heading)
tag-short-principle-gender-responsive = Perspectiva de género
tag-title-principle-gender-responsive = Respeta los derechos humanos de las mujeres, los hombres, las niñas y los niños en todas las etapas de la migración e incorpora la perspectiva de género.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label)
tag-short-principle-whole-of-government-approach = Enfoque pangubernamental
tag-title-principle-whole-of-government-approach = La política migratoria requiere coherencia horizontal y vertical en todos los sectores y niveles de gobierno.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label)
tag-short-principle-people-centered = Centrada en las personas
tag-title-principle-people-centered = Una marcada dimensión humana: promueve el bienestar de los migrantes y de los miembros de las comunidades en los países de origen, tránsito y destino.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label)
tag-short-principle-national-sovereignty = Soberanía nacional
tag-title-principle-national-sovereignty = Reafirma el derecho soberano de los Estados a determinar su política migratoria nacional, de conformidad con el derecho internacional.
    .wording = unofficial

# Source: https://migrationnetwork.un.org/es/hub?gcm_objectives=294 (UN Network on Migration guiding-principle label)
tag-short-principle-sustainable-development = Desarrollo sostenible
tag-title-principle-sustainable-development = Arraigado en la Agenda 2030 para el Desarrollo Sostenible; la migración como realidad pluridimensional para el desarrollo sostenible.
    .wording = unofficial
