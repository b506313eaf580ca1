//! Near-miss suggestions for unknown ids (`djnago` → `django`).

/// Up to three candidates within a small edit distance of `wanted`, closest first.
pub fn near_misses<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let wanted: String = wanted.chars().take(64).collect();
    let wanted_chars: Vec<char> = wanted.chars().collect();
    let budget = (wanted_chars.len() / 3).clamp(1, 3);
    // One buffer for every candidate's characters: this runs on every 404.
    let mut candidate_chars: Vec<char> = Vec::new();
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let is_prefix = wanted_chars.len() >= 3 && candidate.starts_with(&wanted);
            candidate_chars.clear();
            candidate_chars.extend(candidate.chars());
            // The distance is at least the difference in length: skip the table when that
            // alone is over budget and the candidate is not an extension of what was typed.
            if !is_prefix && candidate_chars.len().abs_diff(wanted_chars.len()) > budget {
                return None;
            }
            let distance = edit_distance(&wanted_chars, &candidate_chars);
            (distance <= budget || is_prefix).then_some((distance, candidate))
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
