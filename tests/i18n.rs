//! The translation catalogues (src/i18n/<code>/*.ftl): every language has every message,
//! with the same attributes and variables, every id the code asks for exists, and every
//! message is used. A missing French message would show in English; a missing variable
//! would show as `{$name}`; these tests say which, before a user sees it.

#![cfg(not(target_arch = "wasm32"))]

use fluent_syntax::ast;
use gcm_annotator::i18n::{self, Language, CATALOGUE_FILES};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Message id (or `id.attribute`) → the variables its pattern uses.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn variables_of_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

fn variables_of_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => variables_of_inline(inline, out),
    }
}

fn variables_of_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

/// The shape of one language's catalogue, failing on syntax errors and on ids defined twice.
fn shape(language: Language) -> Shape {
    let mut shape = Shape::new();
    for (file, source) in CATALOGUE_FILES.iter().zip(i18n::catalogue(language)) {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
            panic!("src/i18n/{}/{file}: {errors:?}", language.code())
        });
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let id = m.id.name.to_string();
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables_of_pattern(value, &mut vars);
                }
                let twice = shape.insert(id.clone(), vars).is_some();
                assert!(!twice, "{} defines {id} twice", language.code());
                for a in &m.attributes {
                    let mut vars = BTreeSet::new();
                    variables_of_pattern(&a.value, &mut vars);
                    shape.insert(format!("{id}.{}", a.id.name), vars);
                }
            }
        }
    }
    shape
}

#[test]
fn each_language_folder_holds_exactly_the_listed_files() {
    for language in Language::ALL {
        let dir = Path::new("src/i18n").join(language.code());
        let mut found: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        found.sort();
        let mut listed: Vec<String> = CATALOGUE_FILES.iter().map(|f| f.to_string()).collect();
        listed.sort();
        assert_eq!(
            found,
            listed,
            "{}: update CATALOGUE_FILES and catalogue_files!",
            dir.display()
        );
    }
}

#[test]
fn french_and_spanish_have_every_english_message_with_the_same_variables() {
    let english = shape(Language::English);
    assert!(english.len() > 5, "English has {} messages", english.len());
    for language in [Language::French, Language::Spanish] {
        let other = shape(language);
        // `.wording` marks a translation as unofficial: only French and Spanish have it.
        let other_messages: Shape = other
            .iter()
            .filter(|(id, _)| !id.ends_with(".wording"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let missing: Vec<&String> = english
            .keys()
            .filter(|k| !other_messages.contains_key(*k))
            .collect();
        let extra: Vec<&String> = other_messages
            .keys()
            .filter(|k| !english.contains_key(*k))
            .filter(|k| !BUILT_PREFIXES.iter().any(|p| k.starts_with(p)))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.code());
        assert!(
            extra.is_empty(),
            "{} has messages English lacks: {extra:?}",
            language.code()
        );
        for (id, vars) in &english {
            assert_eq!(
                &other_messages[id],
                vars,
                "{} {id} uses other variables",
                language.code()
            );
        }
        for (id, _) in other.iter().filter(|(id, _)| id.ends_with(".wording")) {
            let value = gcm_annotator::i18n::native::format(language, id, &[]);
            assert_eq!(
                value.as_deref(),
                Some("unofficial"),
                "{} {id}",
                language.code()
            );
        }
    }
}

/// Every `t!("id"…)` in the code (the app's, the document readers' and the teacher's tools'), with the
/// file it is in.
fn ids_in_code() -> Vec<(String, String)> {
    let mut out = vec![];
    let mut stack = vec![
        Path::new("src").to_path_buf(),
        Path::new("readers/src").to_path_buf(),
        Path::new("teacher/src").to_path_buf(),
    ];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code: String = text
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for (i, _) in code.match_indices("t!(") {
                    // `t!`, not `format!` or `print!`.
                    let before = code[..i].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let Some(rest) = code[i + 3..].trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let id = &rest[..rest.find('"').unwrap_or(rest.len())];
                    out.push((id.to_string(), path.display().to_string()));
                }
            }
        }
    }
    out
}

/// Ids the code builds at run time from a prefix and a codebook id (src/codebook.rs).
const BUILT_PREFIXES: [&str; 2] = ["tag-short-", "tag-title-"];

#[test]
fn every_id_the_code_asks_for_exists_and_every_message_is_used() {
    let english = shape(Language::English);
    let used = ids_in_code();
    assert!(!used.is_empty(), "found no t!(…) calls");
    let unknown: Vec<&(String, String)> = used
        .iter()
        .filter(|(id, _)| !english.contains_key(id))
        .collect();
    assert!(
        unknown.is_empty(),
        "asked for but not in src/i18n/en: {unknown:?}"
    );
    let used: BTreeSet<&str> = used.iter().map(|(id, _)| id.as_str()).collect();
    let unused: Vec<&String> = english
        .keys()
        .filter(|id| !id.contains('.'))
        .filter(|id| !used.contains(id.as_str()))
        .filter(|id| !BUILT_PREFIXES.iter().any(|p| id.starts_with(p)))
        .collect();
    assert!(
        unused.is_empty(),
        "in src/i18n/en but never asked for: {unused:?}"
    );
}

#[test]
fn every_tag_has_a_name_and_title_in_french_and_spanish_and_english_is_the_codebooks_own() {
    for language in [Language::French, Language::Spanish] {
        let shape = shape(language);
        for tag in gcm_annotator::codebook::TAGS.iter() {
            for prefix in BUILT_PREFIXES {
                let id = format!("{prefix}{}", tag.id);
                assert!(shape.contains_key(&id), "{} lacks {id}", language.code());
            }
        }
    }
    let english = shape(Language::English);
    assert!(!english
        .keys()
        .any(|k| BUILT_PREFIXES.iter().any(|p| k.starts_with(p))));
    let tag = gcm_annotator::codebook::tag("objective-17").unwrap();
    assert_eq!(tag.name(), "Eliminate discrimination");
    assert!(tag
        .description()
        .starts_with("Eliminate all forms of discrimination"));
    assert!(!tag.unofficial());
}

#[test]
fn messages_format_with_their_arguments_in_each_language() {
    use gcm_annotator::i18n::native::format;
    let label = |l| {
        format(
            l,
            "tag-label-objective",
            &[("number", 17.into()), ("name", "X".into())],
        )
    };
    assert_eq!(label(Language::English).as_deref(), Some("Objective 17: X"));
    assert_eq!(
        label(Language::French).as_deref(),
        Some("Objectif 17\u{a0}: X")
    );
    assert_eq!(label(Language::Spanish).as_deref(), Some("Objetivo 17: X"));
    // An id no catalogue has comes back as itself, never as a panic.
    assert_eq!(
        gcm_annotator::i18n::tr("no-such-message", &[]),
        "no-such-message"
    );
}

#[test]
fn the_codebook_speaks_french_and_marks_its_unofficial_translations() {
    gcm_annotator::i18n::native::speak(Language::French);
    let data = gcm_annotator::codebook::tag("objective-1").unwrap();
    assert_eq!(data.name(), "Données");
    assert_eq!(data.label(), "Objectif 1\u{a0}: Données");
    assert!(data
        .description()
        .starts_with("Collecter et utiliser des données précises"));
    assert!(
        !data.unofficial(),
        "objective 1's title is the UN's French wording"
    );
    // Principle descriptions are our paraphrase, so their translations are ours too.
    let rights = gcm_annotator::codebook::tag("principle-human-rights").unwrap();
    assert!(rights.unofficial());
    // The palette's search finds tags by their French names and by their English ones.
    let found = |q| gcm_annotator::codebook::tag_match(data, q).is_some();
    assert!(found("données") && found("donnees") && found("data") && found("objectif 1"));
    assert!(gcm_annotator::codebook::tag_match(rights, "principe 1").is_some());
    assert!(gcm_annotator::codebook::tag_match(rights, "droits").is_some());
    // Typed with a keyboard's straight apostrophe, or the typographic one.
    assert!(gcm_annotator::codebook::tag_match(rights, "droits de l'homme").is_some());
    assert!(gcm_annotator::codebook::tag_match(rights, "droits de l’homme").is_some());
    gcm_annotator::i18n::native::speak(Language::English);
}
