## Codebook names in English: for every tag id X of src/codebook.rs, tag-short-X is its
## short name and tag-title-X its title (an objective's full title; a principle's one-sentence
## paraphrase). Copied exactly from src/codebook.rs: objective titles as seed 000 quotes the
## Global Compact (A/RES/73/195, paragraph 16), short names and principles from seed 003.
## English messages carry no attributes.

tag-short-objective-1 = Data
tag-title-objective-1 = Collect and utilize accurate and disaggregated data as a basis for evidence-based policies

tag-short-objective-2 = Minimize adverse drivers
tag-title-objective-2 = Minimize the adverse drivers and structural factors that compel people to leave their country of origin

tag-short-objective-3 = Information provision
tag-title-objective-3 = Provide accurate and timely information at all stages of migration

tag-short-objective-4 = Legal identity and documentation
tag-title-objective-4 = Ensure that all migrants have proof of legal identity and adequate documentation

tag-short-objective-5 = Regular pathways
tag-title-objective-5 = Enhance availability and flexibility of pathways for regular migration

tag-short-objective-6 = Recruitment and decent work
tag-title-objective-6 = Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work

tag-short-objective-7 = Reduce vulnerabilities
tag-title-objective-7 = Address and reduce vulnerabilities in migration

tag-short-objective-8 = Save lives
tag-title-objective-8 = Save lives and establish coordinated international efforts on missing migrants

tag-short-objective-9 = Counter smuggling
tag-title-objective-9 = Strengthen the transnational response to smuggling of migrants

tag-short-objective-10 = Eradicate trafficking
tag-title-objective-10 = Prevent, combat and eradicate trafficking in persons in the context of international migration

tag-short-objective-11 = Manage borders
tag-title-objective-11 = Manage borders in an integrated, secure and coordinated manner

tag-short-objective-12 = Screening and referral
tag-title-objective-12 = Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral

tag-short-objective-13 = Alternatives to detention
tag-title-objective-13 = Use migration detention only as a measure of last resort and work towards alternatives

tag-short-objective-14 = Consular protection
tag-title-objective-14 = Enhance consular protection, assistance and cooperation throughout the migration cycle

tag-short-objective-15 = Access to basic services
tag-title-objective-15 = Provide access to basic services for migrants

tag-short-objective-16 = Inclusion and social cohesion
tag-title-objective-16 = Empower migrants and societies to realize full inclusion and social cohesion

tag-short-objective-17 = Eliminate discrimination
tag-title-objective-17 = Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration

tag-short-objective-18 = Skills development and recognition
tag-title-objective-18 = Invest in skills development and facilitate mutual recognition of skills, qualifications and competences

tag-short-objective-19 = Migrant and diaspora contributions
tag-title-objective-19 = Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries

tag-short-objective-20 = Remittances
tag-title-objective-20 = Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants

tag-short-objective-21 = Dignified return and reintegration
tag-title-objective-21 = Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration

tag-short-objective-22 = Social protection
tag-title-objective-22 = Establish mechanisms for the portability of social security entitlements and earned benefits

tag-short-objective-23 = International cooperation
tag-title-objective-23 = Strengthen international cooperation and global partnerships for safe, orderly and regular migration

tag-short-principle-human-rights = Human rights
tag-title-principle-human-rights = Grounded in international human rights law; upholds non-regression and non-discrimination, and the human rights of all migrants regardless of status.

tag-short-principle-child-sensitive = Child-sensitive
tag-title-principle-child-sensitive = Promotes existing international legal obligations on the rights of the child and the best interests of the child in all situations.

tag-short-principle-whole-of-society-approach = Whole-of-society approach
tag-title-principle-whole-of-society-approach = Broad multi-stakeholder partnerships: migrants, diasporas, local communities, civil society, academia, the private sector and others.

tag-short-principle-international-cooperation = International cooperation
tag-title-principle-international-cooperation = Migration is transnational and cannot be addressed by any State alone; cooperation and dialogue are needed.

tag-short-principle-rule-of-law-and-due-process = Rule of law and due process
tag-title-principle-rule-of-law-and-due-process = Respect for, protection and fulfilment of the rule of law, due process and access to justice.

tag-short-principle-gender-responsive = Gender-responsive
tag-title-principle-gender-responsive = Respects the human rights of women, men, girls and boys at all stages of migration and mainstreams a gender perspective.

tag-short-principle-whole-of-government-approach = Whole-of-government approach
tag-title-principle-whole-of-government-approach = Migration policy needs horizontal and vertical coherence across all sectors and levels of government.

tag-short-principle-people-centered = People-centered
tag-title-principle-people-centered = A strong human dimension: promotes the well-being of migrants and members of communities in countries of origin, transit and destination.

tag-short-principle-national-sovereignty = National sovereignty
tag-title-principle-national-sovereignty = Reaffirms the sovereign right of States to determine their national migration policy, in conformity with international law.

tag-short-principle-sustainable-development = Sustainable development
tag-title-principle-sustainable-development = Rooted in the 2030 Agenda for Sustainable Development; migration as a multidimensional reality for sustainable development.
