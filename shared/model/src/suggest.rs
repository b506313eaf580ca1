//! Near-miss suggestions for unknown ids (`djnago` → `django`).

/// Up to three candidates within a small edit distance of `wanted`, closest first.
pub fn near_misses<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let wanted: String = wanted.chars().take(64).collect();
    let wanted_chars: Vec<char> = wanted.chars().collect();
    let budget = (wanted_chars.len() / 3).clamp(1, 3);
    let wanted_letters = letter_set(wanted_chars.iter().copied());
    // One buffer for every candidate's characters: this runs on every 404.
    let mut candidate_chars: Vec<char> = Vec::new();
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let is_prefix = wanted_chars.len() >= 3 && candidate.starts_with(&wanted);
            // Three cheap bounds, read straight from the id, rule out most of the catalog
            // before any table is filled, so a 404 costs little more as the catalog grows:
            // the distance is at least the difference in length, and each edit changes at
            // most two members of the letter set and one shared letter. An extension of what
            // was typed (`spring` → `spring-boot`) is kept whatever its distance.
            if !is_prefix {
                let length = candidate.chars().count();
                let changed = (letter_set(candidate.chars()) ^ wanted_letters).count_ones();
                if length.abs_diff(wanted_chars.len()) > budget || changed as usize > 2 * budget {
                    return None;
                }
            }
            candidate_chars.clear();
            candidate_chars.extend(candidate.chars());
            if is_prefix {
                return Some((edit_distance(&wanted_chars, &candidate_chars), candidate));
            }
            if shared_letters(&wanted_chars, &candidate_chars) + budget
                < wanted_chars.len().max(candidate_chars.len())
            {
                return None;
            }
            let distance = edit_distance(&wanted_chars, &candidate_chars);
            (distance <= budget).then_some((distance, candidate))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, candidate)| candidate.to_owned())
        .collect()
}

/// Optimal string alignment distance: Levenshtein plus adjacent transpositions, so a
/// swapped pair of letters costs one edit.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    // The recurrence reads three rows of the table (a transposition looks two rows up), so
    // three rows are all it keeps: on the stack for the short words it is given, once per
    // candidate on every 404 and for every query word a search does not know.
    let width = b.len() + 1;
    let mut on_stack = [0usize; 3 * 33];
    let mut on_heap = Vec::new();
    let rows = if 3 * width <= on_stack.len() {
        &mut on_stack[..3 * width]
    } else {
        on_heap.resize(3 * width, 0);
        &mut on_heap[..]
    };
    let row = |i: usize| (i % 3) * width;
    for (j, cell) in rows[..width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (above, current) = (row(i - 1), row(i));
        rows[current] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[above + j] + 1)
                .min(rows[current + j - 1] + 1)
                .min(rows[above + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[row(i - 2) + j - 2] + 1);
            }
            rows[current + j] = best;
        }
    }
    rows[row(a.len()) + b.len()]
}

/// The set of letters a word has, one bit per ASCII letter or digit and one for everything
/// else: a substitution removes at most one member and adds at most one, an insertion or a
/// deletion changes at most one, a swap none.
pub(crate) fn letter_set(chars: impl IntoIterator<Item = char>) -> u64 {
    chars.into_iter().fold(0, |set, c| {
        set | 1
            << match c {
                'a'..='z' => c as u32 - 'a' as u32,
                '0'..='9' => 26 + c as u32 - '0' as u32,
                _ => 36,
            }
    })
}

/// How many letters two words have in common, counted with multiplicity (ASCII letters and
/// digits; anything else counts as shared). One edit changes at most one letter of each
/// word, so words `d` edits apart share at least `max(len) - d` letters: a cheap bound that
/// spares most edit distances.
pub(crate) fn shared_letters(a: &[char], b: &[char]) -> usize {
    let mut counts = [0i16; 37];
    let slot = |c: char| match c {
        'a'..='z' => Some(c as usize - 'a' as usize),
        '0'..='9' => Some(26 + c as usize - '0' as usize),
        _ => None,
    };
    let mut other = 0;
    for c in a {
        match slot(*c) {
            Some(i) => counts[i] += 1,
            None => other += 1,
        }
    }
    let mut shared = 0;
    for c in b {
        match slot(*c) {
            Some(i) if counts[i] > 0 => {
                counts[i] -= 1;
                shared += 1;
            }
            Some(_) => {}
            None if other > 0 => {
                other -= 1;
                shared += 1;
            }
            None => {}
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transposed_letters_find_the_framework() {
        let ids = ["django", "flask", "fastapi", "spring-boot"];
        assert_eq!(near_misses("djnago", ids), vec!["django"]);
        assert_eq!(near_misses("spring", ids), vec!["spring-boot"]);
        assert!(near_misses("zzzzzz", ids).is_empty());
    }

    /// Every candidate measured, no bound applied: what the bounds must never change.
    fn measured_all(wanted: &str, candidates: &[&str]) -> Vec<String> {
        let wanted_chars: Vec<char> = wanted.chars().collect();
        let budget = (wanted_chars.len() / 3).clamp(1, 3);
        let mut scored: Vec<(usize, &str)> = candidates
            .iter()
            .filter_map(|candidate| {
                let chars: Vec<char> = candidate.chars().collect();
                let distance = edit_distance(&wanted_chars, &chars);
                let is_prefix = wanted_chars.len() >= 3 && candidate.starts_with(wanted);
                (distance <= budget || is_prefix).then_some((distance, *candidate))
            })
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(3)
            .map(|(_, c)| c.to_owned())
            .collect()
    }

    proptest::proptest! {
        /// Typos of real ids (a letter dropped, doubled, replaced or swapped with the next)
        /// get the suggestions that measuring every id gives.
        #[test]
        fn the_bounds_never_drop_a_suggestion(
            pick in 0usize..1_000,
            at in 0usize..16,
            edit in 0u8..4,
            letter in proptest::sample::select(&['a', 'e', 'o', 'r', 's', 't', '-', '1', 'é'][..]),
        ) {
            let frameworks = crate::dataset::load_frameworks().unwrap();
            let ids: Vec<&str> = frameworks.iter().map(|f| f.id.as_str()).collect();
            let mut typo: Vec<char> = ids[pick % ids.len()].chars().collect();
            let at = at % typo.len();
            match edit {
                0 => { typo.remove(at); }
                1 => typo.insert(at, letter),
                2 => typo[at] = letter,
                _ if at + 1 < typo.len() => typo.swap(at, at + 1),
                _ => {}
            }
            let typo: String = typo.into_iter().collect();
            proptest::prop_assert_eq!(near_misses(&typo, ids.iter().copied()), measured_all(&typo, &ids));
        }
    }

    /// The full table, as the distance was first computed: the reference for the rows.
    fn table_distance(a: &[char], b: &[char]) -> usize {
        let width = b.len() + 1;
        let mut table = vec![0usize; (a.len() + 1) * width];
        for i in 0..=a.len() {
            table[i * width] = i;
        }
        for (j, cell) in table.iter_mut().enumerate().take(width) {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (table[(i - 1) * width + j] + 1)
                    .min(table[i * width + j - 1] + 1)
                    .min(table[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(table[(i - 2) * width + j - 2] + 1);
                }
                table[i * width + j] = best;
            }
        }
        table[a.len() * width + b.len()]
    }

    #[test]
    fn three_rows_give_the_distance_of_the_whole_table() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "django",
            "djnago",
            "flask",
            "fastapi",
            "fastpai",
            "spring-boot",
            "sprnig-boot",
            "ca",
            "abc",
            "acb",
            "ruby-on-rails-and-a-very-long-name-past-the-stack",
            "ruby-on-rails-and-a-very-long-name-past-teh-stack",
        ];
        for a in words {
            for b in words {
                let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                assert_eq!(edit_distance(&a, &b), table_distance(&a, &b), "{a:?} {b:?}");
            }
        }
        let (a, b): (Vec<char>, Vec<char>) =
            ("djnago".chars().collect(), "django".chars().collect());
        assert_eq!(edit_distance(&a, &b), 1);
    }
}
