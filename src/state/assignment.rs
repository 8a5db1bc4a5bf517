//! Assignments in the [`Model`]: the teacher's export of one (texts, instructions, scope,
//! and no annotations unless given as examples), and the student's app taking the one a
//! file hands out.

use super::Model;
use crate::annotation::{text_order, Annotation, Origin};
use crate::assignment::Assignment;
use crate::document::Document;
use crate::effect::Effect;
use crate::formats::{assignment_file_name, project, ExportScope, Format, Options};
use crate::session::Level;

/// What the notices call an assignment: the title of its first document here, else the
/// start of its id.
fn shown(a: &Assignment, model: &Model) -> String {
    let title = a
        .documents
        .iter()
        .find_map(|id| model.library.document(id))
        .map(|d| crate::text::clip(&d.title, 60).into_owned());
    crate::text::isolate(&title.unwrap_or_else(|| a.id.chars().take(8).collect()))
}

impl Model {
    /// Writes an assignment file of `a` (its documents, those of them that are here) and
    /// downloads it, named `gcm-<document>-…-assignment-<id>-<date>.json`. The teacher's
    /// annotations of those documents go in only when `examples` is true, as given examples.
    /// With no document here, nothing is written and a notice says why.
    pub(super) fn export_assignment(
        &mut self,
        a: Assignment,
        examples: bool,
        now: i64,
    ) -> Vec<Effect> {
        let library = &self.library;
        let documents: Vec<&Document> = a
            .documents
            .iter()
            .filter_map(|id| library.document(id))
            .collect();
        let s = &mut self.session;
        let Some(first) = documents.first() else {
            s.notify(Level::Refused, t!("assign-no-document"), false, false);
            return vec![];
        };
        let title = (documents.len() == 1).then_some(first.title.as_str());
        // The teacher's own work on those texts, marked as given examples: nobody's work
        // in the students' apps.
        let me = s.settings.annotator_id.as_str();
        let mut given: Vec<Annotation> = Vec::new();
        if examples {
            given = library
                .annotations()
                .iter()
                .filter(|x| a.documents.contains(&x.document))
                .filter(|x| {
                    x.origin.is_own() && (x.annotator_id == me || x.annotator_id.is_empty())
                })
                .map(|x| Annotation {
                    origin: Origin::Given,
                    ..x.clone()
                })
                .collect();
            crate::sort::sort_by(&mut given, |x, y| {
                x.document.cmp(&y.document).then(text_order(x, y))
            });
        }
        let count = given.len();
        let scope = ExportScope::of_parts(
            documents,
            given.iter().collect(),
            Vec::new(),
            library.codebook(),
        );
        let options = Options {
            seed_text: false,
            now,
            annotator: &s.settings.annotator,
            annotator_id: me,
            // The teacher works on no assignment: the block names this one.
            assignment: None,
            // The examples were chosen above.
            everything: true,
        };
        let content = project::write_assignment(&scope, options, &a);
        // The project's name with `assignment-<id>` for the format's slug: two
        // assignments of one text never share a name.
        let name = assignment_file_name(title, &s.settings.annotator, &a.id, now);
        s.notify(
            Level::Info,
            t!(
                "assign-exported",
                name = crate::text::isolate(&name),
                count = count
            ),
            false,
            false,
        );
        vec![Effect::Download {
            file_name: name,
            mime: Format::Project.mime(),
            content,
        }]
    }

    /// Takes the assignment an opened file (`file`) hands out: fitted to this app (its
    /// instructions bounded, tags unknown here dropped, each with a message), it replaces
    /// the one worked on, saying so when it is another. The user's annotations stay.
    pub(super) fn take_assignment(&mut self, mut a: Assignment, file: &str) -> Vec<Effect> {
        for said in a.fit(self.library.codebook(), file) {
            self.session.notify(Level::Info, said, false, false);
        }
        let new_name = shown(&a, self);
        self.session.notify(
            Level::Info,
            t!("assign-opened", file = crate::text::isolate(file)),
            false,
            false,
        );
        let replaced = self.library.set_assignment(Some(a));
        if let Some(old) = replaced.filter(|old| {
            self.library
                .assignment()
                .is_some_and(|new| new.id != old.id)
        }) {
            let old_name = shown(&old, self);
            self.session.notify(
                Level::Info,
                t!("assign-replaced", new = new_name, old = old_name),
                false,
                false,
            );
        }
        vec![Effect::SaveAssignment]
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{create, model_with_doc};
    use super::super::{Action, Model};
    use crate::assignment::Assignment;
    use crate::effect::Effect;

    const TEXT: &str = "Borders are managed together. Migrants’ rights are protected.";

    fn handout(id: &str) -> Assignment {
        Assignment {
            id: id.into(),
            instructions: "Tag what the text says on borders.".into(),
            tags: vec!["objective-11".into(), "principle-human-rights".into()],
            suggestions: false,
            documents: vec!["u1".into()],
        }
    }

    #[test]
    fn the_stored_record_round_trips_and_a_later_one_is_refused() {
        let a = handout("task-1");
        let json = crate::storage::encode_assignment(&a);
        assert_eq!(crate::storage::decode_assignment(&json).unwrap(), a);
        let later = json.replace("\"version\":1", "\"version\":2");
        assert!(crate::storage::decode_assignment(&later).is_err());
        let newer = json.replace("\"schema\":", "\"schema\":9");
        assert!(crate::storage::decode_assignment(&newer).is_err());
    }

    /// The teacher's model: `u1` with one annotation; the file of its assignment.
    fn exported(examples: bool) -> (Model, String, String) {
        let mut teacher = model_with_doc(TEXT);
        create(&mut teacher, "a1", 0, 7, &["objective-11"]);
        let effects = teacher.apply(Action::ExportAssignment {
            assignment: Box::new(handout("task-1")),
            examples,
            now: 1_795_323_600_000,
        });
        match effects.as_slice() {
            [Effect::Download {
                file_name, content, ..
            }] => (teacher, file_name.clone(), content.clone()),
            other => panic!("{other:?}"),
        }
    }

    fn open(m: &mut Model, name: &str, json: &str) -> Result<Vec<Effect>, String> {
        let mut n = 0;
        let mut new_id = || {
            n += 1;
            format!("id-{n}")
        };
        m.import_file(name, json.as_bytes(), &mut new_id, 2)
            .map_err(|e| e.to_string())
    }

    fn said(m: &Model) -> Vec<String> {
        m.session.notices.iter().map(|n| n.text.clone()).collect()
    }

    #[test]
    fn an_assignment_file_holds_the_text_and_scope_and_no_annotations() {
        let (_, name, json) = exported(false);
        assert_eq!(name, "gcm-mine-ana-assignment-task1-2026-11-22.json");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["assignment"]["id"], "task-1");
        assert_eq!(v["assignment"]["version"], 1);
        assert_eq!(v["assignment"]["suggestions"], false);
        assert_eq!(v["assignment"]["tags"][0], "objective-11");
        assert_eq!(v["annotations"].as_array().unwrap().len(), 0, "{json}");
        assert_eq!(v["documents"][0]["text"], TEXT);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let schema: serde_json::Value =
                serde_json::from_str(include_str!("../formats/project.schema.json")).unwrap();
            let validator = jsonschema::validator_for(&schema).unwrap();
            let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
        // Ticked, the teacher's annotations go in as examples.
        let (_, _, with) = exported(true);
        let v: serde_json::Value = serde_json::from_str(&with).unwrap();
        assert_eq!(v["annotations"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn opening_an_assignment_opens_its_text_a_bundled_one_too_and_says_so() {
        let seeds: Vec<String> = (Model::default().library.documents().iter())
            .map(|d| d.id.clone())
            .collect();
        let teacher = &mut Model::default();
        teacher.apply(Action::OpenDocument(seeds[0].clone()));
        let effects = teacher.apply(Action::ExportAssignment {
            assignment: Box::new(Assignment {
                documents: vec![seeds[0].clone()],
                ..handout("task-2")
            }),
            examples: false,
            now: 1,
        });
        let [Effect::Download {
            file_name, content, ..
        }] = effects.as_slice()
        else {
            panic!("{effects:?}")
        };
        // The student reads another text when she opens it.
        let student = &mut Model::default();
        student.apply(Action::OpenDocument(seeds[1].clone()));
        open(student, file_name, content).unwrap();
        assert_eq!(student.session.open.as_deref(), Some(seeds[0].as_str()));
        let said = said(student);
        assert!(
            said.iter().any(|s| s.contains("Opened the assignment")),
            "{said:?}"
        );
        assert!(
            !said.iter().any(|s| s.contains("0 annotations")),
            "{said:?}"
        );
    }

    #[test]
    fn a_student_who_opens_it_works_on_it_and_keeps_it_stored() {
        let (_, name, json) = exported(false);
        let mut student = Model::default();
        student.apply(Action::SetAnnotator("Bo".into()));
        let effects = open(&mut student, &name, &json).unwrap();
        assert!(effects.contains(&Effect::SaveAssignment), "{effects:?}");
        assert_eq!(student.library.assignment(), Some(&handout("task-1")));
        assert!(student.library.annotations().is_empty());
        assert_eq!(student.library.document("u1").unwrap().text.as_str(), TEXT);
        // Their export names the assignment, and reads back as its id, not as a new one.
        create(&mut student, "b1", 0, 7, &["objective-11"]);
        let effects = student.apply(Action::Export {
            format: crate::formats::Format::Project,
            only: None,
            seed_text: false,
            everything: false,
            now: 3,
        });
        let Some(Effect::Download { content, .. }) = effects.last() else {
            panic!("{effects:?}")
        };
        let v: serde_json::Value = serde_json::from_str(content).unwrap();
        assert_eq!(v["assignment_id"], "task-1");
        let mut teacher = model_with_doc(TEXT);
        open(&mut teacher, "bo.json", content).unwrap();
        assert_eq!(teacher.library.assignment(), None);
    }

    #[test]
    fn a_second_assignment_replaces_the_first_saying_so_and_keeps_the_work() {
        let (_, name, json) = exported(false);
        let mut student = model_with_doc(TEXT);
        open(&mut student, &name, &json).unwrap();
        create(&mut student, "mine", 0, 7, &["objective-11"]);
        let other = json.replace("task-1", "task-2");
        open(&mut student, "second.json", &other).unwrap();
        assert_eq!(student.library.assignment().unwrap().id, "task-2");
        assert!(student.library.annotation("mine").is_some());
        let last = said(&student).pop().unwrap();
        assert!(last.contains("replaces"), "{last}");
        // Opening the same one again says nothing of the kind.
        open(&mut student, "second.json", &other).unwrap();
        assert!(!said(&student).last().unwrap().contains("replaces"));
    }

    #[test]
    fn a_bad_assignment_file_is_refused_naming_it_and_changes_nothing() {
        let (_, _, json) = exported(false);
        let edit = |field: &str, value: serde_json::Value| {
            let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
            v["assignment"][field] = value;
            v.to_string()
        };
        for (bad, why) in [
            (edit("version", 9.into()), "newer"),
            (edit("suggestions", "no".into()), "suggestions"),
            (edit("tags", "objective-11".into()), "tags"),
            (edit("id", "".into()), "no id"),
            (json[..json.len() / 2].to_string(), "EOF"),
        ] {
            assert_ne!(bad, json, "{why}: the fixture changed nothing");
            let mut student = Model::default();
            let before = student.clone();
            let e = open(&mut student, "task.json", &bad).unwrap_err();
            assert!(e.contains("task.json"), "{why}: {e}");
            assert!(e.contains(why), "{why}: {e}");
            assert_eq!(student.library, before.library, "{why}");
        }
    }

    #[test]
    fn long_instructions_and_unknown_tags_are_fitted_with_messages() {
        let (_, _, json) = exported(false);
        let long = "x".repeat(crate::fields::Field::Instructions.limit() + 10);
        let bad = json
            .replace("Tag what the text says on borders.", &long)
            .replace("\"objective-11\",", "\"objective-11\", \"objective-77\",");
        let mut student = Model::default();
        open(&mut student, "task.json", &bad).unwrap();
        let a = student.library.assignment().unwrap();
        assert_eq!(
            a.instructions.chars().count(),
            crate::fields::Field::Instructions.limit()
        );
        assert_eq!(a.tags, handout("x").tags);
        assert!(said(&student).iter().any(|s| s.contains("objective-77")));
        assert!(said(&student)
            .iter()
            .any(|s| s.contains("task.json") && s.contains("cut to 20000")));
    }
}
