//! Tests of [`super`]: features, exact learning and unlearning, the stored form, the seed
//! prior, and hostile text.

use super::*;

fn conf(model: &Model, text: &str, tag: &str) -> f32 {
    model.confidences(text)[index(tag).unwrap()]
}

#[test]
fn features_fold_case_and_accents() {
    assert_eq!(features("Migración"), features("MIGRACION"));
    assert_eq!(
        features("Intégration des migrants"),
        features("integration DES Migrants")
    );
    assert_ne!(features("migration"), features("remittances"));
    assert!(features("").is_empty());
    assert!(features(" .,;!? ").is_empty());
    let f = features("remittances to families");
    assert!(f.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
    assert!(f.iter().all(|&b| b < 1 << BITS));
}

#[test]
fn seed_000_lists_the_23_objectives_as_the_codebook_titles_them() {
    let seed = include_str!("../../seeds/000_ebabb0657f756768.txt");
    let objectives = seed_objectives(seed);
    assert_eq!(objectives.len(), 23, "{objectives:?}");
    for (i, (n, line)) in objectives.iter().enumerate() {
        assert_eq!(usize::from(*n), i + 1);
        assert_eq!(*line, TAGS[i].title, "objective {n}");
    }
}

#[test]
fn every_tag_has_seed_text_in_three_languages() {
    let texts = seed_texts();
    assert_eq!(texts.len(), 33);
    // Objective 5 in English, French and Spanish.
    let five = &texts[4];
    assert!(five.contains("regular migration"), "{five}");
    assert!(five.contains("migration régulière"), "{five}");
    assert!(five.contains("migración regular"), "{five}");
}

#[test]
fn the_seed_prior_alone_points_at_the_right_tag() {
    let model = Model::new();
    let c =
        model.confidences("Remittances sent home by migrant workers became cheaper and faster.");
    let best = (0..33).max_by(|&a, &b| c[a].total_cmp(&c[b])).unwrap();
    assert_eq!(TAGS[best].id, "objective-20", "{c:?}");
    let c = model.confidences("La traite des personnes reste un crime grave.");
    let best = (0..33).max_by(|&a, &b| c[a].total_cmp(&c[b])).unwrap();
    assert_eq!(TAGS[best].id, "objective-10", "{c:?}");
}

#[test]
fn learning_raises_a_tags_confidence_and_unlearning_restores_it_exactly() {
    let mut model = Model::new();
    let fresh = model.clone();
    let text = "Municipal welcome desks help newcomers find housing and a school.";
    let before = conf(&model, text, "objective-16");
    assert!(model.learn(
        text,
        &["objective-16", "principle-whole-of-government-approach"]
    ));
    assert!(model.learn(
        "Cities open welcome desks for newcomers.",
        &["objective-16"]
    ));
    assert_eq!(model.learned(), 2);
    assert!(conf(&model, text, "objective-16") > before);
    assert!(model.unlearn(
        "Cities open welcome desks for newcomers.",
        &["objective-16"]
    ));
    assert!(model.unlearn(
        text,
        &["principle-whole-of-government-approach", "objective-16"]
    ));
    assert_eq!(model.all, fresh.all);
    assert_eq!(model.user, fresh.user);
    assert_eq!(model.confidences(text), fresh.confidences(text));
}

#[test]
fn unlearning_what_was_never_learned_changes_nothing() {
    let mut model = Model::new();
    model.learn(
        "Border guards were trained in human rights.",
        &["objective-11"],
    );
    let before = model.clone();
    assert!(!model.unlearn("Something else entirely.", &["objective-11"]));
    assert!(!model.unlearn(
        "Border guards were trained in human rights.",
        &["objective-12"]
    ));
    assert!(!model.unlearn(
        "Border guards were trained in human rights.",
        &["my-own-code"]
    ));
    assert_eq!(model.all, before.all);
    assert_eq!(model.user, before.user);
}

#[test]
fn own_codes_alone_are_not_learned() {
    let mut model = Model::new();
    assert!(!model.learn("The ministry said so.", &["actor-ministry"]));
    assert!(!model.learn("The ministry said so.", &[]));
    assert_eq!(model.learned(), 0);
    assert_eq!(model.user, Table::new());
}

#[test]
fn a_rejection_lowers_the_tags_confidence_and_can_be_undone() {
    let mut model = Model::new();
    let text = "Education in the camps reaches few children.";
    let before = conf(&model, text, "objective-15");
    assert!(model.reject(text, "objective-15"));
    let after = conf(&model, text, "objective-15");
    assert!(after < before, "{after} < {before}");
    assert!(model.unreject(text, "objective-15"));
    assert_eq!(conf(&model, text, "objective-15"), before);
    assert!(!model.reject(text, "no-such-tag"));
}

#[test]
fn reset_forgets_the_reader_and_keeps_the_prior() {
    let mut model = Model::new();
    model.learn("Diaspora bonds fund schools.", &["objective-19"]);
    model.reject("Diaspora bonds fund schools.", "objective-20");
    model.reset();
    let fresh = Model::new();
    assert_eq!(model.all, fresh.all);
    assert_eq!(model.learned(), 0);
}

#[test]
fn the_stored_form_round_trips_through_json() {
    let mut model = Model::new();
    model.learn("Diaspora bonds fund schools back home.", &["objective-19"]);
    model.learn(
        "Consular staff visited detained nationals.",
        &["objective-14", "objective-13"],
    );
    model.reject("Diaspora bonds fund schools back home.", "objective-20");
    let json = serde_json::to_string(&model.to_stored()).unwrap();
    let back: Stored = serde_json::from_str(&json).unwrap();
    assert_eq!(back.version, VERSION);
    assert_eq!(back.learned, 2);
    let read = Model::from_stored(&back).unwrap();
    assert_eq!(read.user, model.user);
    assert_eq!(read.all, model.all);
    let empty = Model::from_stored(&Model::new().to_stored()).unwrap();
    assert_eq!(empty.all, Model::new().all);
}

#[test]
fn a_damaged_or_foreign_stored_form_is_refused() {
    let mut model = Model::new();
    model.learn("Diaspora bonds fund schools back home.", &["objective-19"]);
    let good = model.to_stored();
    let other = Stored {
        version: VERSION + 1,
        ..good.clone()
    };
    assert!(Model::from_stored(&other).is_none());
    for counts in ["", "!!!!", "AAAA", &good.counts[..good.counts.len() / 2]] {
        let bad = Stored {
            counts: counts.to_string(),
            ..good.clone()
        };
        assert!(Model::from_stored(&bad).is_none(), "{counts:.20}");
    }
    let mut bytes = crate::formats::unbase64url(&good.counts).unwrap();
    for i in 0..bytes.len().min(400) {
        bytes[i] ^= 0x5a;
        let bad = Stored {
            counts: crate::formats::base64url(&bytes),
            ..good.clone()
        };
        let _ = Model::from_stored(&bad);
        bytes[i] ^= 0x5a;
    }
}

#[test]
fn hostile_text_never_panics() {
    let mut model = Model::new();
    let long = "migración ".repeat(500_000);
    let texts = [
        "",
        "😀😀😀 👩‍👩‍👧",
        "مهاجرون وحقوق الإنسان",
        "e\u{301}migre\u{301}s",
        "line one\r\nline two\r\n",
        "\u{feff}\u{200b}\u{0}",
        &long,
    ];
    for t in texts {
        model.learn(t, &["objective-1"]);
        model.reject(t, "objective-2");
        let c = model.confidences(t);
        assert!(c.iter().all(|x| (0.0..=1.0).contains(x)), "{c:?}");
        let _ = suggest(&DocText::new(t), &model, 0.0);
        assert!(model.unlearn(t, &["objective-1"]));
        assert!(model.unreject(t, "objective-2"));
    }
    assert_eq!(model.user, Table::new());
}

#[test]
fn suggestions_keep_the_rules_and_sort_by_confidence() {
    let text = DocText::new(
        "See objective 13. Remittances matter to families. \
         Municipal welcome desks help newcomers find housing.",
    );
    let mut model = Model::new();
    for _ in 0..3 {
        model.learn("Municipal welcome desks help newcomers.", &["objective-16"]);
    }
    let s = suggest(&text, &model, 0.0);
    let rules = crate::suggest::suggest(&text);
    for r in &rules {
        assert!(s
            .iter()
            .any(|x| x.tag == r.tag && x.start == r.start && x.reason == r.reason));
    }
    assert!(s.windows(2).all(|w| w[0].confidence >= w[1].confidence));
    assert_eq!(s[0].reason, Reason::Reference("objective 13".into()));
    let sixteen = s.iter().find(|x| x.tag == "objective-16").expect("learned");
    assert!(matches!(sixteen.reason, Reason::Learned { .. }));
    // A threshold over everything leaves nothing.
    assert!(suggest(&text, &model, 1.01).is_empty());
}

#[test]
fn a_short_sentence_gets_no_learned_tag_and_a_general_one_at_most_two() {
    let general = "Practices by GCM objectives across the region and beyond";
    let mut model = Model::new();
    for tag in ["objective-2", "objective-4", "objective-7"] {
        for n in 0..3 {
            model.learn(&format!("{general}, part {n}"), &[tag]);
        }
    }
    let learned = |text: &str| -> Vec<&'static str> {
        suggest(&DocText::new(text), &model, 0.0)
            .into_iter()
            .filter(|s| matches!(s.reason, Reason::Learned { .. }))
            .map(|s| s.tag)
            .collect()
    };
    let tags = learned(&format!("{general}."));
    assert_eq!(tags.len(), MAX_LEARNED_TAGS, "{tags:?}");
    // The same words, fewer (a heading, a list item), or in capitals: no learned tag.
    assert_eq!(learned("GCM objectives 2, 4, 7."), Vec::<&str>::new());
    assert_eq!(
        learned("Practices by GCM objectives here."),
        Vec::<&str>::new()
    );
    assert_eq!(
        learned(&format!("{}.", general.to_uppercase())),
        Vec::<&str>::new()
    );
    // Three passages each: never shown surer than 80 %.
    let sure = suggest(&DocText::new(format!("{general}.")), &model, 0.0);
    assert!(sure.iter().all(|s| s.confidence <= 0.8), "{sure:?}");
}

#[test]
fn suggestions_made_in_steps_and_sorted_are_the_suggestions_made_at_once() {
    let mut model = Model::new();
    model.learn("Safe and decent work for migrant workers", &["objective-6"]);
    let text = DocText::new(include_str!("../../seeds/001_22250b8f33848101.txt").to_string());
    let all = sentences(&text);
    let mut stepped: Vec<Suggestion> = all
        .chunks(7)
        .flat_map(|part| suggest_in(part, &model, 0.0))
        .collect();
    sort(&mut stepped);
    assert_eq!(stepped, suggest(&text, &model, 0.0));
    assert!(stepped.len() > 100);
}
