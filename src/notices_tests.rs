use super::*;

fn info(n: &mut Notices, text: &str) {
    n.push(Level::Info, text.into(), false, false);
}

fn texts(n: &Notices) -> Vec<&str> {
    n.iter().map(|n| n.text.as_str()).collect()
}

#[test]
fn a_confirmation_fades_after_six_seconds_and_an_error_stays() {
    let mut n = Notices::default();
    info(&mut n, "Exported 3 annotations.");
    n.push(Level::Error, "Not saved.".into(), false, false);
    n.stamp(1_000);
    assert_eq!(n.next_change(), Some(1_000 + INFO_MS - FADE_MS));
    n.expire(1_000 + INFO_MS - FADE_MS, false);
    assert!(n[0].fading, "drawn fading in its last moments");
    assert_eq!(n.next_change(), Some(1_000 + INFO_MS));
    n.expire(1_000 + INFO_MS, false);
    assert_eq!(texts(&n), ["Not saved."]);
    assert_eq!(n.next_change(), None, "nothing left to time");
    n.expire(1_000_000, false);
    assert_eq!(texts(&n), ["Not saved."], "an error stays until dismissed");
}

#[test]
fn an_undo_offer_stays_ten_seconds() {
    let mut n = Notices::default();
    n.push(Level::Info, "Annotation deleted.".into(), true, false);
    n.stamp(0);
    n.expire(INFO_MS, false);
    assert_eq!(n.len(), 1);
    n.expire(UNDO_MS, false);
    assert!(n.is_empty());
}

#[test]
fn new_messages_are_timed_from_when_they_are_first_shown() {
    let mut n = Notices::default();
    info(&mut n, "a");
    n.stamp(0);
    info(&mut n, "b");
    n.stamp(4_000);
    n.expire(INFO_MS, false);
    assert_eq!(texts(&n), ["b"]);
}

#[test]
fn nothing_fades_while_the_pointer_or_the_focus_is_on_the_messages() {
    let mut n = Notices::default();
    info(&mut n, "Exported.");
    n.stamp(0);
    n.expire(INFO_MS - FADE_MS, false);
    assert!(n[0].fading);
    // The timer finds the pointer over the messages (or the focus in them).
    n.expire(INFO_MS, true);
    assert!(!n[0].fading, "back in full");
    assert_eq!(
        n.next_change(),
        Some(2 * INFO_MS - FADE_MS),
        "its time starts again"
    );
    n.expire(2 * INFO_MS - FADE_MS, true);
    n.expire(3 * INFO_MS - FADE_MS - 1, false);
    assert_eq!(n.len(), 1, "a full time after the last look found it held");
    n.expire(3 * INFO_MS - FADE_MS, false);
    assert!(n.is_empty());
}

#[test]
fn errors_are_never_dropped_and_confirmations_are_bounded() {
    let mut n = Notices::default();
    for i in 0..7 {
        n.push(
            Level::Refused,
            format!("“f{i}.txt” was not opened."),
            false,
            false,
        );
        info(&mut n, &format!("info {i}"));
    }
    assert_eq!(n.iter().filter(|n| n.stays()).count(), 7);
    let infos: Vec<&str> = n
        .iter()
        .filter(|n| !n.stays())
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(infos, ["info 4", "info 5", "info 6"]);
    assert_eq!(infos.len(), MAX_INFOS);
}

#[test]
fn one_undo_offer_stands_at_a_time() {
    let mut n = Notices::default();
    n.push(Level::Info, "a".into(), true, false);
    n.push(Level::Info, "b".into(), true, false);
    assert_eq!(texts(&n), ["b"]);
}

#[test]
fn five_refused_files_are_one_message_that_lists_each() {
    let mut n = Notices::default();
    info(&mut n, "2 documents added.");
    for i in 1..=5 {
        n.push(
            Level::Refused,
            format!("“f{i}.txt” was not opened: it is empty."),
            false,
            false,
        );
    }
    let rows = n.rows();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].notice, &rows[0].heading), (&n[0], &None));
    assert_eq!(rows[1].heading.as_deref(), Some("5 files refused"));
    let listed: Vec<&str> = rows[1].list.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(listed, texts(&n)[1..]);
}

#[test]
fn one_refused_file_or_two_errors_are_shown_as_they_are() {
    let mut n = Notices::default();
    n.push(
        Level::Refused,
        "“a.pdf” was not opened.".into(),
        false,
        false,
    );
    n.push(Level::Error, "Export failed.".into(), false, false);
    assert!(n.rows().iter().all(|r| r.heading.is_none()));
    n.push(
        Level::Refused,
        "“b.pdf” was not opened.".into(),
        false,
        false,
    );
    let rows = n.rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].heading.as_deref(), Some("3 problems"));
    assert_eq!(rows[0].list, n.iter().collect::<Vec<_>>());
}

#[test]
fn many_errors_that_are_not_about_files_are_counted_as_problems() {
    let mut n = Notices::default();
    for e in ["a", "b", "c"] {
        n.push(Level::Error, e.into(), false, false);
    }
    let rows = n.rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].heading.as_deref(), Some("3 problems"));
    assert_eq!(rows[0].list.len(), 3);
}

#[test]
fn the_offer_to_export_is_never_folded_away() {
    let mut n = Notices::default();
    n.push(Level::Refused, "“a” was not opened.".into(), false, false);
    n.push(Level::Error, "Saving failed.".into(), false, true);
    for f in ["b", "c"] {
        n.push(
            Level::Refused,
            format!("“{f}” was not opened."),
            false,
            false,
        );
    }
    let rows = n.rows();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].heading.as_deref(), Some("3 files refused"));
    assert_eq!(rows[0].list.len(), 3);
    assert!(rows[1].notice.offers_export && rows[1].heading.is_none());
    n.dismiss(&[n[0].id, n[2].id, n[3].id]);
    assert_eq!(texts(&n), ["Saving failed."]);
}
