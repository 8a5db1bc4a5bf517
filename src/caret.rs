//! Keyboard selection: where a caret lands when moved by character, word or line, in code
//! points. Characters are grapheme clusters, so an accent or a flag is never split.

use crate::segment::{self, Granularity};
use crate::text::{Cp, DocText};

/// How far a caret moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// To the previous grapheme cluster boundary.
    Left,
    /// To the next grapheme cluster boundary.
    Right,
    /// To the start of the previous word.
    WordLeft,
    /// To the end of the next word.
    WordRight,
    /// To the start of the line (after the previous line break).
    LineStart,
    /// To the end of the line (before its line break).
    LineEnd,
    /// To the same column of the previous line, or its end if shorter.
    LineUp,
    /// To the same column of the next line, or its end if shorter.
    LineDown,
    /// To the start of the text.
    TextStart,
    /// To the end of the text.
    TextEnd,
}

/// How much text around the caret is segmented. Words and grapheme clusters are far shorter;
/// the window keeps every move O(1) on a 5 MB text.
const WINDOW: usize = 512;

/// Where a caret at `at` lands after `motion`.
pub fn move_caret(text: &DocText, at: Cp, motion: Motion) -> Cp {
    let len = text.len_cp();
    let at = at.min(len);
    match motion {
        Motion::TextStart => Cp(0),
        Motion::TextEnd => len,
        Motion::Right => {
            let after = text.after(at, WINDOW);
            let step = segment::first_grapheme(after).chars().count();
            Cp(at.0 + step)
        }
        Motion::Left => {
            let before = text.before(at, WINDOW);
            let step = segment::last_grapheme(before).chars().count();
            Cp(at.0 - step)
        }
        Motion::WordRight => {
            let after = text.after(at, WINDOW);
            let mut moved = 0;
            for (_, w) in segment::segments(after, Granularity::Word) {
                moved += w.chars().count();
                if w.chars().any(segment::is_word_char) {
                    break;
                }
            }
            Cp(at.0 + moved)
        }
        Motion::WordLeft => {
            let before = text.before(at, WINDOW);
            let mut moved = 0;
            for (_, w) in segment::segments(before, Granularity::Word)
                .into_iter()
                .rev()
            {
                moved += w.chars().count();
                if w.chars().any(segment::is_word_char) {
                    break;
                }
            }
            Cp(at.0 - moved)
        }
        Motion::LineStart => line_start(text, at),
        Motion::LineEnd => line_end(text, at),
        Motion::LineUp => {
            let start = line_start(text, at);
            if start.0 == 0 {
                return Cp(0);
            }
            let column = at.0 - start.0;
            let prev_end = Cp(start.0 - 1); // the '\n' ending the previous line
            let prev_start = line_start(text, prev_end);
            let prev_end = line_end(text, prev_start);
            Cp((prev_start.0 + column).min(prev_end.0))
        }
        Motion::LineDown => {
            let start = line_start(text, at);
            let end = line_end(text, at);
            let column = at.0 - start.0;
            let after_break = newline_after(text, end);
            if after_break == end {
                return len; // last line
            }
            let next_end = line_end(text, after_break);
            Cp((after_break.0 + column).min(next_end.0))
        }
    }
}

/// The start of the line holding `at`.
fn line_start(text: &DocText, at: Cp) -> Cp {
    let mut pos = at;
    loop {
        let before = text.before(pos, WINDOW);
        match before.rfind('\n') {
            Some(i) => return Cp(pos.0 - before[i + 1..].chars().count()),
            None if before.chars().count() < WINDOW => return Cp(0),
            None => pos = Cp(pos.0 - WINDOW),
        }
    }
}

/// The end of the line holding `at`, before its `\r\n` or `\n`.
fn line_end(text: &DocText, at: Cp) -> Cp {
    let len = text.len_cp();
    let mut pos = at;
    loop {
        let after = text.after(pos, WINDOW);
        match after.find('\n') {
            Some(i) => {
                let mut end = pos.0 + after[..i].chars().count();
                if after[..i].ends_with('\r') {
                    end -= 1;
                }
                return Cp(end);
            }
            None if pos.0 + WINDOW >= len.0 => return len,
            None => pos = Cp(pos.0 + WINDOW),
        }
    }
}

/// The offset just after the line break that follows a line end, or `end` at the last line.
fn newline_after(text: &DocText, end: Cp) -> Cp {
    let after = text.after(end, 2);
    if after.starts_with("\r\n") {
        Cp(end.0 + 2)
    } else if after.starts_with('\n') {
        Cp(end.0 + 1)
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mv(t: &str, at: usize, m: Motion) -> usize {
        move_caret(&DocText::new(t), Cp(at), m).0
    }

    #[test]
    fn character_moves_never_split_a_cluster() {
        let t = "e\u{301}🇫🇷x"; // e + combining acute, a flag of two code points
        assert_eq!(mv(t, 0, Motion::Right), 2);
        assert_eq!(mv(t, 2, Motion::Right), 4);
        assert_eq!(mv(t, 4, Motion::Left), 2);
        assert_eq!(mv(t, 2, Motion::Left), 0);
        assert_eq!(mv(t, 0, Motion::Left), 0);
        assert_eq!(mv(t, 5, Motion::Right), 5);
    }

    #[test]
    fn word_moves_skip_spaces_and_punctuation() {
        let t = "Safe, orderly and regular";
        assert_eq!(mv(t, 0, Motion::WordRight), 4);
        assert_eq!(mv(t, 4, Motion::WordRight), 13);
        assert_eq!(mv(t, 13, Motion::WordLeft), 6);
        assert_eq!(mv(t, 6, Motion::WordLeft), 0);
    }

    #[test]
    fn line_moves_keep_the_column_and_respect_crlf() {
        let t = "abcdef\r\nxy\r\nlonger line";
        assert_eq!(mv(t, 4, Motion::LineDown), 10); // column 4 clamps to the end of "xy"
        assert_eq!(mv(t, 9, Motion::LineDown), 13);
        assert_eq!(mv(t, 13, Motion::LineUp), 9);
        assert_eq!(mv(t, 2, Motion::LineUp), 0);
        assert_eq!(mv(t, 14, Motion::LineDown), 23);
        assert_eq!(mv(t, 3, Motion::LineEnd), 6);
        assert_eq!(mv(t, 9, Motion::LineStart), 8);
    }

    #[test]
    fn right_to_left_text_moves_in_logical_order() {
        let t = "مرحبا بالعالم";
        assert_eq!(mv(t, 0, Motion::WordRight), 5);
        assert_eq!(mv(t, 0, Motion::Right), 1);
    }

    #[test]
    fn long_lines_are_crossed_beyond_the_window() {
        let t = format!("{}\n{}", "a".repeat(2000), "b".repeat(10));
        assert_eq!(mv(&t, 1500, Motion::LineStart), 0);
        assert_eq!(mv(&t, 10, Motion::LineEnd), 2000);
        assert_eq!(mv(&t, 2003, Motion::LineUp), 2); // column 2 of the second line
    }
}
