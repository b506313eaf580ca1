//! The one way client-supplied text goes back to the client: query keys, vocabulary
//! values, ids, JSON keys and field paths such as `ratings.<key>` all pass through
//! [`echo`] before they appear in an error.
//!
//! Clipped, so a 60,000-character key costs the response a few dozen bytes, not 120 KB;
//! sanitised, so that a control character cannot break a log line or a terminal and a
//! bidirectional override or an invisible character cannot make the message read as
//! something other than what was sent.

/// The most characters of client text an error repeats.
pub const MAX_ECHO: usize = 64;

/// `text` safe to repeat: at most [`MAX_ECHO`] characters (then `…`), with every control,
/// bidirectional-formatting and invisible character replaced by `U+FFFD`.
pub fn echo(text: &str) -> String {
    let mut shown: String = text
        .chars()
        .take(MAX_ECHO)
        .map(|c| {
            if is_disguising(c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(MAX_ECHO).is_some() {
        shown.push('…');
    }
    shown
}

/// Characters that render as nothing, move other text, or control the terminal: Unicode's
/// controls (Cc), the bidirectional marks, embeddings, overrides and isolates, and the
/// zero-width and other invisible format characters (Cf), plus the line and paragraph
/// separators.
fn is_disguising(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{061c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disguising_characters_are_replaced() {
        assert_eq!(echo("a\u{0}b\u{202e}c"), "a\u{fffd}b\u{fffd}c");
        for hidden in [
            '\u{200b}',
            '\u{2066}',
            '\u{feff}',
            '\u{1b}',
            '\u{85}',
            '\u{e0041}',
        ] {
            assert_eq!(echo(&format!("x{hidden}y")), "x\u{fffd}y", "{hidden:?}");
        }
        assert_eq!(echo("django"), "django");
        assert_eq!(echo("café ünïcode"), "café ünïcode");
    }

    #[test]
    fn long_text_is_clipped_with_an_ellipsis() {
        assert_eq!(echo(&"x".repeat(MAX_ECHO)), "x".repeat(MAX_ECHO));
        let clipped = echo(&"é".repeat(60_000));
        assert_eq!(clipped.chars().count(), MAX_ECHO + 1);
        assert!(clipped.ends_with('…'));
    }
}
